"""summarizer: news articles in, grounded structured briefings out."""
