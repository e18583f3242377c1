"""Input: reading articles (files, stdin, directories, URLs, JSONL), HTML, cleaning."""
