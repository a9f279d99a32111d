package tr.bel.izmit.kadinaile.portal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import tr.bel.izmit.kadinaile.common.web.RefusalPage;

/**
 * The portal's pages for a request refused before any controller runs (a form without its CSRF token, a client over
 * its budget): rendered from {@code portal/refusal.html}, which takes the quick exit and the helplines from the
 * layout's fragments like every other portal page, so that they are written once. Rendered here, in the security
 * chain, with the same template engine, links and beans ({@code @portalQuickExit}) as a page of Spring MVC.
 */
@Component
class PortalRefusalPages implements RefusalPage {

    static final String TEMPLATE = "portal/refusal";
    private static final Locale TURKISH = Locale.forLanguageTag("tr-TR");

    private final ITemplateEngine templates;
    private final ApplicationContext context;

    PortalRefusalPages(ITemplateEngine templates, ApplicationContext context) {
        this.templates = templates;
        this.context = context;
    }

    @Override
    public void write(HttpServletRequest request, HttpServletResponse response, String title, String message) throws IOException {
        write(request, response, title, List.of(message), null);
    }

    /** The page with a heading, its paragraphs and, if {@code back} is given, a button back to the list of services. */
    void write(HttpServletRequest request, HttpServletResponse response, String title, List<String> paragraphs, String back)
            throws IOException {
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType("text/html;charset=UTF-8");
        WebContext page = new WebContext(
            JakartaServletWebApplication.buildApplication(request.getServletContext()).buildExchange(request, response), TURKISH);
        // what Spring MVC's Thymeleaf view adds: the beans the templates name (@portalQuickExit)
        page.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
            new ThymeleafEvaluationContext(context, null));
        page.setVariable("title", title);
        page.setVariable("paragraphs", paragraphs);
        page.setVariable("back", back);
        templates.process(TEMPLATE, page, response.getWriter());
    }
}
