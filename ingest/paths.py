"""Where the project's own files are: the dbt project root and the bundled sample."""
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
BUNDLED_SAMPLE = PROJECT_DIR / "data" / "documents"
