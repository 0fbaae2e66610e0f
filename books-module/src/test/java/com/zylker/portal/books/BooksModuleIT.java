package com.zylker.portal.books;

import com.zylker.portal.ui.testing.AbstractModuleIT;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** books-module as built, alone in Payara Micro: the checks every portal WAR shares, on the invoices screen. */
class BooksModuleIT extends AbstractModuleIT {

    BooksModuleIT() {
        super("", "nav-invoices", "books-title", "Tuition invoices");
    }

    @Deployment
    static WebArchive deployment() {
        return moduleDeployment("books-module.war", true).addClass(BooksModuleIT.class);
    }
}
