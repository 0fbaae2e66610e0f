-- Refresh locks for databases without named locks (the embedded H2): a fixed set of rows, one picked by the
-- token id's hash, locked with SELECT … FOR UPDATE for the length of a refresh. Every WAR of the process
-- shares the database, so they queue here too. No foreign key: deleting a token never waits for a refresh.
-- Unused on MySQL/MariaDB, which queue on GET_LOCK.
CREATE TABLE refresh_lock_stripe (
    stripe INT NOT NULL,
    CONSTRAINT pk_refresh_lock_stripe PRIMARY KEY (stripe)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO refresh_lock_stripe (stripe) VALUES
 (0),(1),(2),(3),(4),(5),(6),(7),(8),(9),(10),(11),(12),(13),(14),(15),
 (16),(17),(18),(19),(20),(21),(22),(23),(24),(25),(26),(27),(28),(29),(30),(31),
 (32),(33),(34),(35),(36),(37),(38),(39),(40),(41),(42),(43),(44),(45),(46),(47),
 (48),(49),(50),(51),(52),(53),(54),(55),(56),(57),(58),(59),(60),(61),(62),(63);
