package tr.bel.izmit.kadinaile.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * The small part of Markdown our forms' text components use, turned into safe HTML: headings, paragraphs,
 * bullet lists, bold and italic. Everything is HTML-escaped first, so the text of a form can never bring
 * markup or script of its own onto the page; links and images are shown as plain text.
 */
final class PortalMarkdown {

    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern BULLET = Pattern.compile("^\\s*[-*+]\\s+(.*)$");
    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*|__(.+?)__");
    private static final Pattern ITALIC = Pattern.compile("(?<![\\w*])\\*(?!\\s)(.+?)(?<!\\s)\\*(?![\\w*])|(?<!\\w)_(?!\\s)(.+?)(?<!\\s)_(?!\\w)");

    private PortalMarkdown() {
    }

    /**
     * @param shift added to every heading level (a page that has its own h1 shifts the form's headings by one)
     */
    static String toHtml(String markdown, int shift) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        StringBuilder html = new StringBuilder();
        List<String> paragraph = new ArrayList<>();
        List<String> list = new ArrayList<>();
        for (String line : markdown.replace("\r\n", "\n").split("\n", -1)) {
            Matcher heading = HEADING.matcher(line);
            Matcher bullet = BULLET.matcher(line);
            if (line.isBlank() || heading.matches() || bullet.matches()) {
                flushParagraph(html, paragraph);
            }
            if (!bullet.matches()) {
                flushList(html, list);
            }
            if (heading.matches()) {
                int level = Math.min(6, heading.group(1).length() + shift);
                html.append("<h").append(level).append('>').append(inline(heading.group(2))).append("</h").append(level).append(">\n");
            } else if (bullet.matches()) {
                list.add(bullet.group(1));
            } else if (!line.isBlank()) {
                paragraph.add(line.strip());
            }
        }
        flushParagraph(html, paragraph);
        flushList(html, list);
        return html.toString().strip();
    }

    /** Whether the text starts with a level-one heading. */
    static boolean startsWithTitle(String markdown) {
        return markdown != null && markdown.stripLeading().matches("(?s)#\\s.*");
    }

    private static void flushParagraph(StringBuilder html, List<String> lines) {
        if (!lines.isEmpty()) {
            html.append("<p>").append(inline(String.join(" ", lines))).append("</p>\n");
            lines.clear();
        }
    }

    private static void flushList(StringBuilder html, List<String> items) {
        if (!items.isEmpty()) {
            html.append("<ul>");
            items.forEach(item -> html.append("<li>").append(inline(item)).append("</li>"));
            html.append("</ul>\n");
            items.clear();
        }
    }

    private static String inline(String text) {
        String escaped = HtmlUtils.htmlEscape(text, "UTF-8");
        escaped = BOLD.matcher(escaped).replaceAll(m -> "<strong>" + Matcher.quoteReplacement(
            m.group(1) != null ? m.group(1) : m.group(2)) + "</strong>");
        return ITALIC.matcher(escaped).replaceAll(m -> "<em>" + Matcher.quoteReplacement(
            m.group(1) != null ? m.group(1) : m.group(2)) + "</em>");
    }
}
