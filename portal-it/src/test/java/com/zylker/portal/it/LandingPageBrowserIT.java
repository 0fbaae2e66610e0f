package com.zylker.portal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** A new visitor's first look: the landing page, and the module screens reached through the shared navigation. */
@ExtendWith({Browser.class, WholePortal.class})
class LandingPageBrowserIT {

    @Test
    void landingPageShowsLoginWithZoho(WebDriver browser, RunningPortal portal) throws Exception {
        browser.get(portal.base().toString());

        WebElement login = browser.findElement(By.id("login-with-zoho"));
        assertThat(login.isDisplayed()).as("Login with Zoho is visible").isTrue();
        assertThat(login.getText()).contains("Login with Zoho");
        assertThat(browser.getTitle()).contains("Zylker Academy");
        Path shot = Browser.screenshot(browser, "landing");
        assertThat(Files.size(shot)).isGreaterThan(10_000);
    }

    @Test
    void navigationReachesTheCrmAndBooksModulesInTheSameLayout(WebDriver browser, RunningPortal portal) {
        browser.get(portal.base().toString());

        browser.findElement(By.id("nav-pipeline")).click();
        assertThat(browser.findElement(By.id("crm-title")).getText()).isEqualTo("Enrolment pipeline");
        assertThat(browser.findElement(By.id("nav-pipeline")).getAttribute("class")).contains("zy-active");
        Browser.screenshot(browser, "crm-placeholder");

        browser.findElement(By.id("nav-invoices")).click();
        assertThat(browser.findElement(By.id("books-title")).getText()).isEqualTo("Tuition invoices");
        // PrimeFaces ran in the page: its widget registry knows the panel it rendered.
        Object widgets = ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return window.PrimeFaces ? Object.keys(PrimeFaces.widgets).length : -1;");
        assertThat(((Number) widgets).intValue()).isGreaterThan(0);
    }
}
