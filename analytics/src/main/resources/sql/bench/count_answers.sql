SELECT count() FROM answers
