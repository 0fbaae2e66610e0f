package com.zylker.portal.books.web;

import com.zylker.portal.books.application.BooksWords;
import com.zylker.portal.books.application.Organizations;
import com.zylker.portal.core.security.PortalUser;
import com.zylker.portal.core.signin.ReturnPaths;
import com.zylker.portal.core.zoho.books.BooksOrganization;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * Backs {@code organization.xhtml} ({@code /books/organization?return=…}): the user's Books organizations,
 * one button each; the choice is stored for the user (any node) and the user goes back where they were.
 */
@Named
@RequestScoped
public class OrganizationView {

    @Inject
    Organizations organizations;

    @Inject
    PortalUser user;

    private List<BooksOrganization> all = List.of();
    private String currentId;
    private String problem;
    private String returnTo;

    @PostConstruct
    void open() {
        returnTo = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("return");
        try {
            all = organizations.of(user.requireEmail());
            currentId = organizations.current(user.requireEmail()).map(BooksOrganization::id).orElse(null);
        } catch (RuntimeException e) {
            problem = BooksWords.of(e);
        }
    }

    public void choose(String organizationId) {
        if (!organizations.choose(user.requireEmail(), organizationId)) {
            BooksScreens.message(null, jakarta.faces.application.FacesMessage.SEVERITY_ERROR,
                    "You are not a member of that organization in Zoho Books.");
            return;
        }
        String target = ReturnPaths.sanitize(returnTo);
        if (target == null || !target.startsWith("/books")) {
            target = "/books/";
        }
        BooksScreens.redirect(target.substring("/books".length()).isEmpty() ? "/" : target.substring("/books".length()));
    }

    public List<BooksOrganization> getAll() {
        return all;
    }

    public String getCurrentId() {
        return currentId;
    }

    public String getProblem() {
        return problem;
    }

    public String getReturnTo() {
        return returnTo;
    }
}
