"""Infrastructure: settings, SQLite cache and call log, costs, rate limiting, atomic files."""
