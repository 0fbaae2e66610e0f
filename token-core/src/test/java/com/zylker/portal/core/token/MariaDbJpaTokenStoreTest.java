package com.zylker.portal.core.token;

import com.zylker.portal.core.testsupport.TestDatabases;

/**
 * {@link AbstractJpaTokenStoreTest} on MariaDB through Connector/J, standing in for production MySQL; skipped
 * with a message when the server is down, unless {@code portal.test.require-services=true}.
 */
class MariaDbJpaTokenStoreTest extends AbstractJpaTokenStoreTest {

    @Override
    TestDatabases.Kind kind() {
        return TestDatabases.Kind.MARIADB;
    }
}
