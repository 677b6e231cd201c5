"""dedup: find reposted Chinese news articles and track statements as they echo."""

import logging

# jieba announces every start ("Building prefix dict from the default dictionary ...", four
# lines on stderr), which would bury the one-line messages our commands print there. A filter
# on its logger outlives the level and handler jieba sets when it is imported.
logging.getLogger("jieba").addFilter(lambda record: record.levelno >= logging.WARNING)
