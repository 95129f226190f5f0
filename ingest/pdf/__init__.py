"""PDF disclosures: pages to ordered items, ruled tables to rows, rows to the lines the form
parsers read (the same tab-separated shape as a text extraction, with page numbers)."""
