"""`python -m summarizer`: the same as the `summarizer` command."""

from summarizer.cli import run

if __name__ == "__main__":
    run()
