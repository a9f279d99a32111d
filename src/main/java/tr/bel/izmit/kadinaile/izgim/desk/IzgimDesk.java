package tr.bel.izmit.kadinaile.izgim.desk;

import java.util.List;

import tr.bel.izmit.kadinaile.identity.StaffGroup;

/**
 * İZGİM's desk: server-rendered pages for the officers at the centre's desk (the children's library, the seminars),
 * under {@value #PATH}, behind their own door ({@link IzgimDeskSecurity}). The pages of each record live beside it
 * ({@code izgim.library.LibraryDeskPages}, {@code izgim.seminars.SeminarDeskPages}); this class names the paths and
 * the groups in one place.
 */
public final class IzgimDesk {

    /** The desk's home; every desk page lies below it. */
    public static final String PATH = "/izgim";
    public static final String LIBRARY = PATH + "/kutuphane";
    public static final String SEMINARS = PATH + "/seminerler";
    /**
     * Who works at the desk: the İZGİM officers, the only group that records library and seminar data (see
     * docs/izgim-library-seminars.md). Managers see the figures on {@code /yonetim}, never the names.
     */
    public static final List<String> GROUPS = List.of(StaffGroup.IZGIM_OFFICERS.id());
    /** The desk's stylesheet, outside the desk's door so that its refusal pages can use it too. */
    public static final String STYLESHEET = "/izgim-masasi/masa.css";

    private IzgimDesk() {
    }
}
