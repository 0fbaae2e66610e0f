package com.zylker.portal.crm;

import com.zylker.portal.ui.testing.AbstractModuleIT;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** crm-module as built, alone in Payara Micro: the checks every portal WAR shares, on the pipeline screen. */
class CrmModuleIT extends AbstractModuleIT {

    CrmModuleIT() {
        super("", "nav-pipeline", "crm-title", "Enrolment pipeline");
    }

    @Deployment
    static WebArchive deployment() {
        return moduleDeployment("crm-module.war", true).addClass(CrmModuleIT.class);
    }
}
