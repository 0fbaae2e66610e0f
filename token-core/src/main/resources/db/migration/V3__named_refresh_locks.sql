-- Refreshes now queue on a named lock (GET_LOCK) instead of a row of this table: a row lock had no real
-- timeout on MySQL and made deleting a token wait for a refresh in flight (ON DELETE CASCADE).
DROP TABLE token_refresh_lock;
