package com.zylker.portal.core.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.util.Objects;
import java.util.function.Function;

/**
 * A {@link Transactor} over RESOURCE_LOCAL transactions: one new {@code EntityManager} per unit of work, closed
 * afterwards. For code that runs outside the container (tests, the benchmark, command-line tools).
 */
public final class ResourceLocalTransactor implements Transactor {

    private final EntityManagerFactory entityManagerFactory;

    public ResourceLocalTransactor(EntityManagerFactory entityManagerFactory) {
        this.entityManagerFactory = Objects.requireNonNull(entityManagerFactory, "entityManagerFactory");
    }

    /**
     * A new {@code EntityManager} without a transaction: the pool's connections are in autocommit, so each
     * query is its own transaction and sees the latest committed data. Entities are read-only (no snapshots for
     * dirty checking) and detached when this returns.
     */
    @Override
    public <T> T read(Function<EntityManager, T> work) {
        EntityManager em = entityManagerFactory.createEntityManager();
        try {
            em.unwrap(org.hibernate.Session.class).setDefaultReadOnly(true);
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    @Override
    public <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = entityManagerFactory.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            return result;
        } catch (RuntimeException | Error e) {
            if (tx.isActive()) {
                try {
                    tx.rollback();
                } catch (RuntimeException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
            }
            throw e;
        } finally {
            em.close();
        }
    }
}
