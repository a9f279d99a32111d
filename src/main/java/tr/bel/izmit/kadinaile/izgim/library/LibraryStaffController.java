package tr.bel.izmit.kadinaile.izgim.library;

import java.security.Principal;
import java.time.LocalDate;
import java.util.Map;
import java.util.NoSuchElementException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import tr.bel.izmit.kadinaile.common.Texts;

/**
 * The library desk's staff API (İZGİM officers only, {@link LibraryStaffRules}): register a child, look her up by
 * card number, record her visit, record anonymous visitors of a day.
 */
@RestController
class LibraryStaffController {

    static final String PATH = "/api/staff/izgim/library";

    private final ChildrensLibrary library;

    LibraryStaffController(ChildrensLibrary library) {
        this.library = library;
    }

    @PostMapping(PATH + "/children")
    ResponseEntity<ChildrensLibrary.Child> register(@RequestBody ChildrensLibrary.Registration registration, Principal caller) {
        return ResponseEntity.status(HttpStatus.CREATED).body(library.register(registration, caller.getName()));
    }

    @GetMapping(PATH + "/children/{cardNumber}")
    ChildrensLibrary.Child child(@PathVariable String cardNumber) {
        return library.byCard(cardNumber).orElseThrow(() -> new NoSuchElementException(cardNumber));
    }

    record Visit(String cardNumber, LocalDate day) {
    }

    @PostMapping(PATH + "/visits")
    ResponseEntity<Map<String, String>> visit(@RequestBody Visit visit, Principal caller) {
        boolean added = library.recordVisit(visit.cardNumber(), visit.day(), caller.getName());
        return ResponseEntity.status(added ? HttpStatus.CREATED : HttpStatus.OK).body(Map.of("message",
            Texts.get(added ? "izgim.library.visit.recorded" : "izgim.library.visit.recorded-before")));
    }

    record AnonymousVisitors(LocalDate day, Integer visitors) {
    }

    @PostMapping(PATH + "/anonymous-visits")
    ResponseEntity<Map<String, String>> anonymous(@RequestBody AnonymousVisitors visitors, Principal caller) {
        library.recordAnonymousVisitors(visitors.day(), visitors.visitors(), caller.getName());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("message", Texts.get("izgim.library.anonymous.recorded")));
    }
}
