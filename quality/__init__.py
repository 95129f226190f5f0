"""Great Expectations checkpoint over the marts and audit marts (pandas route: DuckDB query ->
DataFrame -> GX), with Data Docs."""
