package tr.bel.izmit.kadinaile.common.web;

import org.springframework.web.util.HtmlUtils;

import tr.bel.izmit.kadinaile.common.Texts;

/**
 * The quick exit and the helplines of a public page that is written without a template: the portal's refusals
 * (a form without its CSRF token, too many requests). A woman who reaches such a page while someone watches must be
 * able to leave it as from any other portal page; the templates have the same in {@code portal/layout.html}.
 */
public final class SafetyStrip {

    private SafetyStrip() {
    }

    /** The header with the quick exit to {@code quickExitUrl}; the portal's script replaces the history entry. */
    public static String header(String contextPath, String quickExitUrl) {
        return "<header class=\"site-header\"><div class=\"site-header__inner\">"
            + "<a class=\"quick-exit\" id=\"hizli-cikis\" rel=\"noreferrer\" href=\"" + HtmlUtils.htmlEscape(quickExitUrl) + "\">"
            + Texts.get("portal.safety.quick-exit") + "</a></div></header>"
            + "<script src=\"" + contextPath + "/portal/portal.js\" defer></script>";
    }

    /** The helplines, each a telephone link (KADES is an app, so a name only). */
    public static String footer() {
        return "<footer class=\"site-footer\"><section class=\"helplines\"><h2>" + Texts.get("portal.safety.helplines")
            + "</h2><ul>"
            + helpline("112", "portal.safety.helpline.112")
            + helpline("155", "portal.safety.helpline.155")
            + helpline("156", "portal.safety.helpline.156")
            + helpline("183", "portal.safety.helpline.183")
            + "<li class=\"helpline helpline--app\">" + Texts.get("portal.safety.helpline.kades") + "</li>"
            + "</ul></section></footer>";
    }

    private static String helpline(String number, String key) {
        return "<li><a class=\"helpline\" href=\"tel:" + number + "\">" + Texts.get(key) + "</a></li>";
    }
}
