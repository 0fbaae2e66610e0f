package com.zylker.portal.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileOffsetClockTest {

    @Test
    void followsTheFileWhileRunningAndIgnoresWhatItCannotRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("offset");
        Clock base = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
        Clock clock = new PortalClock.FileOffsetClock(base, file);
        assertThat(clock.instant()).as("no file: no offset").isEqualTo(base.instant());

        Files.writeString(file, "P17D");
        Thread.sleep(300);
        assertThat(clock.instant()).isEqualTo(base.instant().plus(Duration.ofDays(17)));

        Files.writeString(file, "not a duration");
        Thread.sleep(300);
        assertThat(clock.instant()).isEqualTo(base.instant());
    }
}
