"""`python -m summarizer.cli`: the command line."""

from summarizer.cli import main

main()
