package com.zylker.portal.books.web;

import com.zylker.portal.books.application.Organizations;
import com.zylker.portal.core.zoho.books.BooksOrganization;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What every Books screen does first: find the user's organization (1 call, cached for minutes), or send a
 * user with several who has not chosen to {@code /books/organization?return=<this page>}.
 */
@ApplicationScoped
public class BooksScreens {

    @Inject
    Organizations organizations;

    /** The organization, or empty after a redirect to the chooser (the page renders nothing more). */
    public Optional<OrgInfo> organizationOrChoose(String user) {
        List<BooksOrganization> all = organizations.of(user);
        Optional<BooksOrganization> current = organizations.current(user);
        if (current.isPresent()) {
            return Optional.of(OrgInfo.of(current.get(), all.size() > 1));
        }
        redirect("/organization?return=" + URLEncoder.encode(currentPage(), StandardCharsets.UTF_8));
        return Optional.empty();
    }

    /** This request's page within /books, with its query: where to come back after choosing. */
    static String currentPage() {
        ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
        String path = ec.getRequestServletPath() == null ? "/" : ec.getRequestServletPath().replace(".xhtml", "");
        if (path.equals("/index")) {
            path = "/";
        }
        Map<String, String> params = ec.getRequestParameterMap();
        String query = params.entrySet().stream().filter(e -> !e.getKey().startsWith("jakarta.faces"))
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return "/books" + path + (query.isEmpty() ? "" : "?" + query);
    }

    /** A failure in words; Books refusing the organization also forgets the user's choice (the next visit asks again). */
    public String words(String user, RuntimeException e) {
        if (com.zylker.portal.books.application.BooksWords.organizationProblem(e)) {
            organizations.forget(user);
        }
        return com.zylker.portal.books.application.BooksWords.of(e);
    }

    /** The org bar's "Change" link: the chooser, coming back to this page. */
    static String changeOrgLink() {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/organization?return="
                + URLEncoder.encode(currentPage(), StandardCharsets.UTF_8);
    }

    /** A redirect within /books (also from an ajax request: Faces answers with a partial-response redirect). */
    static void redirect(String pathInBooks) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            faces.getExternalContext().redirect(faces.getExternalContext().getRequestContextPath() + pathInBooks);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }

    static void message(String clientId, jakarta.faces.application.FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(clientId, new jakarta.faces.application.FacesMessage(severity, text, null));
    }
}
