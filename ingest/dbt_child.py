"""dbt's command line in a child process that imports dbt first and runs only when its parent says
go (a line on stdin): `python -m ingest.dbt_child ARGS…`. Importing dbt takes about 1.3 s; the
parent copies the warehouse and writes the build plan meanwhile (ingest/warehouse.py run_dbt).
End of input without a line (the parent gave up, or died) exits without running dbt."""
from __future__ import annotations

import sys

GO = "go\n"
EXIT_NOT_STARTED = 125


def main() -> int:
    from dbt.cli.main import cli

    if sys.stdin.readline() != GO:
        return EXIT_NOT_STARTED
    sys.argv[0] = "dbt"
    return cli()


if __name__ == "__main__":
    sys.exit(main())
