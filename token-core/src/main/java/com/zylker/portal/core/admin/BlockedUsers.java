package com.zylker.portal.core.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** People barred from signing in (by email; by ZUID too when it was known), until unblocked. */
@ApplicationScoped
public class BlockedUsers {

    /** One blocked person. */
    public record Blocked(String email, String zuid, String blockedBy, Instant blockedAt) {
    }

    @PersistenceContext(unitName = "portal")
    EntityManager em;

    @Inject
    Clock clock = Clock.systemUTC();

    /** @return whether the person was not blocked before */
    @Transactional
    public boolean block(String email, String zuid, String blockedBy) {
        String key = normalize(email);
        if (em.find(BlockedUserEntity.class, key) != null) {
            return false;
        }
        em.persist(new BlockedUserEntity(key, zuid, blockedBy,
                LocalDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC)));
        return true;
    }

    /** @return whether the person was blocked */
    @Transactional
    public boolean unblock(String email) {
        return em.createQuery("DELETE FROM BlockedUserEntity b WHERE b.email = :email")
                .setParameter("email", normalize(email)).executeUpdate() > 0;
    }

    @Transactional
    public boolean isBlocked(String email, String zuid) {
        long byEmail = em.createQuery("SELECT COUNT(b) FROM BlockedUserEntity b WHERE b.email = :email", Long.class)
                .setParameter("email", normalize(email)).getSingleResult();
        if (byEmail > 0 || zuid == null || zuid.isBlank()) {
            return byEmail > 0;
        }
        return em.createQuery("SELECT COUNT(b) FROM BlockedUserEntity b WHERE b.zuid = :zuid", Long.class)
                .setParameter("zuid", zuid).getSingleResult() > 0;
    }

    @Transactional
    public List<Blocked> all() {
        return em.createQuery("SELECT b FROM BlockedUserEntity b ORDER BY b.email", BlockedUserEntity.class)
                .setMaxResults(500).getResultStream().map(BlockedUserEntity::toBlocked).toList();
    }

    public static String normalize(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
