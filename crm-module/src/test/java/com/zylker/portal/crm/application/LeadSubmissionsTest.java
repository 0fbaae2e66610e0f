package com.zylker.portal.crm.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LeadSubmissionsTest {

    private final LeadSubmissions submissions = new LeadSubmissions(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    private final AtomicInteger sends = new AtomicInteger();

    @Test
    void aCreatedSubmissionIsNotSentAgain() {
        LeadCreation first = submissions.once("a@x.org", "s1", Duration.ofSeconds(1), this::created);
        LeadCreation second = submissions.once("A@X.org", "s1", Duration.ofSeconds(1), this::created);

        assertThat(sends).hasValue(1);
        assertThat(first.repeated()).isFalse();
        assertThat(second.repeated()).isTrue();
        assertThat(second.leadId()).isEqualTo("42");
    }

    @Test
    void anotherUserOrAnotherFormIsAnotherSubmission() {
        submissions.once("a@x.org", "s1", Duration.ofSeconds(1), this::created);
        submissions.once("b@x.org", "s1", Duration.ofSeconds(1), this::created);
        submissions.once("a@x.org", "s2", Duration.ofSeconds(1), this::created);

        assertThat(sends).hasValue(3);
    }

    @Test
    void aSubmissionThatCreatedNothingCanBeSentAgain() {
        submissions.once("a@x.org", "s1", Duration.ofSeconds(1), () -> {
            sends.incrementAndGet();
            return LeadCreation.duplicate("7", null);
        });
        assertThatThrownBy(() -> submissions.once("a@x.org", "s1", Duration.ofSeconds(1), () -> {
            sends.incrementAndGet();
            throw new IllegalStateException("Zoho busy");
        })).hasMessage("Zoho busy");
        submissions.once("a@x.org", "s1", Duration.ofSeconds(1), this::created);

        assertThat(sends).hasValue(3);
    }

    private LeadCreation created() {
        sends.incrementAndGet();
        return LeadCreation.created("42");
    }
}
