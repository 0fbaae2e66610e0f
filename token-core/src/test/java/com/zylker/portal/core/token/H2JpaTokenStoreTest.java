package com.zylker.portal.core.token;

import com.zylker.portal.core.testsupport.TestDatabases;

/** {@link AbstractJpaTokenStoreTest} on H2 in MySQL mode, the embedded default database. */
class H2JpaTokenStoreTest extends AbstractJpaTokenStoreTest {

    @Override
    TestDatabases.Kind kind() {
        return TestDatabases.Kind.H2;
    }
}
