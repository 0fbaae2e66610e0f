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
    void privateModulesAskAVisitorToSignInWithZoho(WebDriver browser, RunningPortal portal) {
        browser.manage().deleteAllCookies();
        browser.get(portal.base().toString());
        // PrimeFaces ran in the page: its widget registry knows the growl the layout rendered.
        Object widgets = ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return window.PrimeFaces ? Object.keys(PrimeFaces.widgets).length : -1;");
        assertThat(((Number) widgets).intValue()).isGreaterThan(0);

        browser.findElement(By.id("nav-pipeline")).click();

        assertThat(browser.getCurrentUrl()).contains("/zoho-sandbox/accounts/com/oauth/v2/auth")
                .contains("state=").contains("access_type=offline").contains("prompt=consent");
        assertThat(browser.findElement(By.id("user-priya-raman")).isDisplayed()).isTrue();
    }
}
