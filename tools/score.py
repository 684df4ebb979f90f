#!/usr/bin/env python3
"""Score quote predictions against gold, as shared/data/FORMAT.md defines it.

    python3 tools/score.py GOLD.jsonl PRED.jsonl [--strict]
        [--kinds direct,partial] [--where speaker_from=name,nominal]

Standard library only. Written from FORMAT.md as a check on
examples/evaluate.rs: both print the same four figure lines, and on the same
predictions their counts must agree exactly.

Reading of FORMAT.md used here:

* Spans are char (code point) offsets, end exclusive. Two spans match when
  their overlap is at least half the longer one (2 * overlap >= longer);
  spans that share no character never match, save two empty spans at the
  same offset. Pairs are made one to one, largest overlap first; equal
  overlaps go to the pair with the smaller union, then the earlier gold
  quote, then the earlier prediction (file order).
* Gold ignore_spans are not used: predictions on them are false positives.
* Names are compared after lower-casing, removing every character that is
  neither alphanumeric nor white space, splitting on white space and
  dropping the honorifics mr mrs ms dr sir dame lord lady. Two names match
  when one's word set contains the other's (both non-empty). The mention
  rule (off with --strict): the predicted speaker, so normalised, equals the
  gold mention, so normalised (non-empty). A null gold speaker is matched by
  a null prediction, or by the mention rule; a null prediction matches only
  a null gold speaker.
* Speaker accuracy is over matched pairs; attribution counts a prediction
  correct when it is matched (one to one) to a gold quote and the speakers
  match.
* --kinds keeps gold and predicted quotes of the listed kinds before
  matching (a predicted 'scare' counts as 'partial'; no kind never passes).
  --where speaker_from=A,B matches against all (kind-filtered) gold quotes,
  then keeps the gold quotes with a listed speaker_from and only the
  predictions matched to them.
* A figure with a zero denominator prints as 'n/a (0/0)'; F1 prints as the
  exact fraction 2*correct / (predicted + gold).
"""

import argparse
import bisect
import json
import sys

HONORIFICS = frozenset("mr mrs ms dr sir dame lord lady".split())
GOLD_KINDS = ("direct", "partial", "nested")


class InputError(Exception):
    """A file that cannot be scored, with where and why."""


def load_jsonl(path, what):
    """Yield (line_number, object) for each non-blank line of a JSONL file."""
    try:
        fh = open(path, encoding="utf-8")
    except OSError as e:
        raise InputError(f"{path}: {e.strerror}") from None
    with fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                raise InputError(f"{path}: line {number}: not valid JSON: {e}") from None
            if not isinstance(obj, dict) or not isinstance(obj.get("id"), str):
                raise InputError(f"{path}: line {number}: not a {what} document (no string id)")
            quotes = obj.get("quotes", [])
            if not isinstance(quotes, list):
                raise InputError(f"{path}: line {number}: 'quotes' is not a list")
            for q in quotes:
                s, e = (q.get("start"), q.get("end")) if isinstance(q, dict) else (None, None)
                if not (isinstance(s, int) and isinstance(e, int) and 0 <= s <= e):
                    raise InputError(f"{path}: line {number}: bad quote span {s!r}..{e!r}")
            yield number, obj


def read_gold(path):
    docs = []
    seen = set()
    for number, doc in load_jsonl(path, "gold"):
        text = doc.get("text")
        if not isinstance(text, str):
            raise InputError(f"{path}: line {number}: document {doc['id']!r} has no text")
        for q in doc.get("quotes", []):
            if q["end"] > len(text):
                raise InputError(f"{path}: line {number}: quote span {q['start']}..{q['end']}"
                                 f" is not inside the text ({len(text)} chars)")
        if doc["id"] in seen:
            raise InputError(f"{path}: line {number}: duplicate id {doc['id']!r}")
        seen.add(doc["id"])
        docs.append(doc)
    return docs


def read_predictions(path):
    by_id = {}
    for number, doc in load_jsonl(path, "prediction"):
        if doc["id"] in by_id:
            raise InputError(f"{path}: line {number}: duplicate id {doc['id']!r}")
        by_id[doc["id"]] = doc.get("quotes", [])
    return by_id


# ---- spans ---------------------------------------------------------------

def overlap(a, b):
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def is_match(a, b):
    ov = overlap(a, b)
    if ov == 0:
        return a[0] == a[1] == b[0] == b[1]
    return 2 * ov >= max(a[1] - a[0], b[1] - b[0])


def one_to_one(pred_spans, gold_spans):
    """Greedy one-to-one matching; returns {pred_index: gold_index}.

    A matching prediction is at most twice as long as the gold span (the
    overlap is at most the gold length and at least half the prediction's),
    so its start lies in [gold.start - 2 * len(gold), gold.end]: only those
    predictions are tried.
    """
    order = sorted(range(len(pred_spans)), key=lambda i: pred_spans[i][0])
    starts = [pred_spans[i][0] for i in order]
    candidates = []
    for gi, g in enumerate(gold_spans):
        glen = g[1] - g[0]
        lo = bisect.bisect_left(starts, g[0] - 2 * glen)
        hi = bisect.bisect_right(starts, g[1])
        for k in range(lo, hi):
            pi = order[k]
            p = pred_spans[pi]
            if is_match(p, g):
                ov = overlap(p, g)
                union = (p[1] - p[0]) + glen - ov
                candidates.append((-ov, union, gi, pi))
    candidates.sort()
    pred_to_gold, gold_taken = {}, set()
    for _, _, gi, pi in candidates:
        if pi in pred_to_gold or gi in gold_taken:
            continue
        pred_to_gold[pi] = gi
        gold_taken.add(gi)
    return pred_to_gold


# ---- speakers ------------------------------------------------------------

def words(name):
    kept = "".join(ch for ch in name.lower() if ch.isalnum() or ch.isspace())
    return [w for w in kept.split() if w not in HONORIFICS]


def same_speaker(pred, gold, mention, strict):
    via_mention = (not strict and pred is not None and mention is not None
                   and len(words(pred)) > 0 and words(pred) == words(mention))
    if gold is None:
        return pred is None or via_mention
    if pred is None:
        return False
    p, g = set(words(pred)), set(words(gold))
    if p and g and (p <= g or g <= p):
        return True
    return via_mention


# ---- scoring -------------------------------------------------------------

def kind_passes(kind, kinds, predicted):
    if kinds is None:
        return True
    if predicted and kind == "scare":
        kind = "partial"
    return kind in kinds


def score(gold_docs, predictions, strict, kinds, sources):
    totals = {"gold": 0, "pred": 0, "matched": 0, "speaker": 0}
    for doc in gold_docs:
        gold = [q for q in doc.get("quotes", []) if kind_passes(q.get("kind"), kinds, False)]
        pred = [q for q in predictions.get(doc["id"], []) if kind_passes(q.get("kind"), kinds, True)]
        pairs = one_to_one([(q["start"], q["end"]) for q in pred],
                           [(q["start"], q["end"]) for q in gold])
        if sources is None:
            kept_gold = set(range(len(gold)))
            n_pred = len(pred)
        else:
            kept_gold = {i for i, q in enumerate(gold) if q.get("speaker_from") in sources}
            pairs = {p: g for p, g in pairs.items() if g in kept_gold}
            n_pred = len(pairs)
        totals["gold"] += len(kept_gold)
        totals["pred"] += n_pred
        totals["matched"] += len(pairs)
        for p, g in pairs.items():
            if same_speaker(pred[p].get("speaker"), gold[g].get("speaker"),
                            gold[g].get("mention"), strict):
                totals["speaker"] += 1
    return totals


def figure(num, den):
    if den == 0:
        return f"n/a ({num}/{den})"
    return f"{num / den:.4f} ({num}/{den})"


def report(n_docs, t):
    both = t["pred"] + t["gold"]
    return "\n".join([
        f"documents {n_docs}",
        f"quote        P {figure(t['matched'], t['pred'])}  R {figure(t['matched'], t['gold'])}"
        f"  F1 {figure(2 * t['matched'], both)}",
        f"speaker      acc {figure(t['speaker'], t['matched'])}",
        f"attribution  P {figure(t['speaker'], t['pred'])}  R {figure(t['speaker'], t['gold'])}"
        f"  F1 {figure(2 * t['speaker'], both)}",
    ])


def comma_list(value):
    items = [x.strip() for x in value.split(",")]
    if any(not x for x in items):
        raise argparse.ArgumentTypeError(f"empty item in {value!r}")
    return items


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Score quote predictions against gold (shared/data/FORMAT.md).")
    ap.add_argument("gold", help="gold JSONL (with text)")
    ap.add_argument("predictions", help="predictions JSONL (text may be left out)")
    ap.add_argument("--strict", action="store_true",
                    help="speaker match without the mention rule")
    ap.add_argument("--kinds", type=comma_list,
                    help="keep gold and predicted quotes of these kinds (scare counts as partial)")
    ap.add_argument("--where", dest="where",
                    help="speaker_from=A,B: keep gold quotes with a listed speaker_from and "
                         "the predictions matched to them")
    args = ap.parse_args(argv)

    if args.kinds is not None:
        bad = [k for k in args.kinds if k not in GOLD_KINDS]
        if bad:
            ap.error(f"--kinds: unknown kind {bad[0]!r} (direct, partial, nested)")
    sources = None
    if args.where is not None:
        key, sep, value = args.where.partition("=")
        if key != "speaker_from" or not sep:
            ap.error(f"--where wants speaker_from=A,B, not {args.where!r}")
        try:
            sources = comma_list(value)
        except argparse.ArgumentTypeError as e:
            ap.error(f"--where: {e}")

    try:
        gold = read_gold(args.gold)
        predictions = read_predictions(args.predictions)
    except InputError as e:
        print(f"score.py: {e}", file=sys.stderr)
        return 1
    gold_ids = {d["id"] for d in gold}
    unknown = [i for i in predictions if i not in gold_ids]
    if unknown:
        print(f"score.py: warning: {len(unknown)} predicted document(s) not in the gold, "
              f"e.g. {unknown[0]!r}; ignored", file=sys.stderr)
    missing = sum(1 for d in gold if d["id"] not in predictions)
    if missing:
        print(f"score.py: warning: {missing} gold document(s) have no predictions",
              file=sys.stderr)

    print(report(len(gold), score(gold, predictions, args.strict, args.kinds, sources)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
