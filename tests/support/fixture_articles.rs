// The team's hand-annotated fixture articles (tests/fixtures/*.txt), as one
// `&[&str]` expression for the code that wants real articles without a
// file system: `include!` this file (the benchmark corpus, the reader's
// unit tests). A new fixture article is added here once.
&[
    include_str!("../fixtures/council_bins_partial_scare.txt"),
    include_str!("../fixtures/council_pendlebrook_parking.txt"),
    include_str!("../fixtures/court_care_home_fraud.txt"),
    include_str!("../fixtures/court_ferncliffe_fire.txt"),
    include_str!("../fixtures/earnings_harlow_foods.txt"),
    include_str!("../fixtures/europe_guillemets_crlf.txt"),
    include_str!("../fixtures/inquiry_multipara_leadin.txt"),
    include_str!("../fixtures/interview_lighthouse_couple.txt"),
    include_str!("../fixtures/intl_water_summit.txt"),
    include_str!("../fixtures/liveblog_storm_isolde.txt"),
    include_str!("../fixtures/messy_scraped_festival.txt"),
    include_str!("../fixtures/obituary_ray_cadogan.txt"),
    include_str!("../fixtures/politics_ohio_debate.txt"),
    include_str!("../fixtures/profile_bell_founder.txt"),
    include_str!("../fixtures/qa_glaciologist.txt"),
    include_str!("../fixtures/science_phone_sleep.txt"),
    include_str!("../fixtures/sport_ptb_backticks_dash.txt"),
    include_str!("../fixtures/sport_rovers_okafor.txt"),
    include_str!("../fixtures/sport_trophy_comeback.txt"),
    include_str!("../fixtures/statement_formula_recall.txt"),
    include_str!("../fixtures/tabloid_heartbreak_bay.txt"),
    include_str!("../fixtures/tabloid_uk_soap.txt"),
    include_str!("../fixtures/tech_kestrel_layoffs.txt"),
    include_str!("../fixtures/wire_us_senate.txt"),
    include_str!("../fixtures/wire_us_shutdown.txt"),
]
