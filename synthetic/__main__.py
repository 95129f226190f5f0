"""Write a synthetic corpus for load tests: text disclosures and the ground truth of their
injected discrepancies.

    python -m synthetic OUT_FOLDER --documents 1000 [--years 3] [--discrepancy-rate 0.01] [--seed 7]

OUT_FOLDER/documents/*.txt are ingested like real disclosures (`fiscal ingest OUT_FOLDER/documents`);
OUT_FOLDER/ground_truth.csv lists every document with the rule its injected discrepancy breaks
(blank: a clean document, which passes every rule).
"""
from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

from tqdm import tqdm

from .generator import plan_corpus, render


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m synthetic", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--documents", type=int, required=True)
    parser.add_argument("--years", type=int, default=3, help="consecutive years per department, ending 2023")
    parser.add_argument("--discrepancy-rate", type=float, default=0.0,
                        help="share of documents given one known discrepancy (0 to 1)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    if not 0 <= args.discrepancy_rate <= 1 or args.documents < 1:
        parser.error("--documents must be positive and --discrepancy-rate between 0 and 1")
    documents = plan_corpus(args.documents, args.years, args.discrepancy_rate, args.seed)
    folder = args.out / "documents"
    folder.mkdir(parents=True, exist_ok=True)
    with (args.out / "ground_truth.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["file_name", "department_no", "fiscal_year", "injected_rule_id"])
        for document in tqdm(documents, desc="writing", unit="doc", disable=len(documents) < 2):
            (folder / document.file_name).write_text(render(document), encoding="utf-8")
            writer.writerow([document.file_name, document.department_no, document.fiscal_year,
                             document.discrepancy or ""])
    injected = sum(1 for document in documents if document.discrepancy)
    print(f"{len(documents)} documents in {folder} ({injected} with a known discrepancy); "
          f"ground truth in {args.out / 'ground_truth.csv'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
