package tr.bel.izmit.kadinaile.common.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The page of a door whose refusals must look like its other pages: the portal's, where a woman who is refused must
 * still be able to leave at once and find the helplines. The door renders it from its own templates (the portal from
 * {@code portal/layout.html}), so the quick exit and the helplines have one source. The status and the headers are set
 * before it is called.
 */
@FunctionalInterface
public interface RefusalPage {

    /** Writes the page: a heading and one explanation. */
    void write(HttpServletRequest request, HttpServletResponse response, String title, String message) throws IOException;
}
