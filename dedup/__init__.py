"""dedup: find reposted Chinese news articles and track statements as they echo."""
