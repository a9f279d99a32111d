package tr.bel.izmit.kadinaile.izgim.library;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** The library's children, found by the card number (in clear: the only key the desk looks her up by). */
interface LibraryChildRepository extends JpaRepository<LibraryChild, Long> {

    Optional<LibraryChild> findByCardNumber(String cardNumber);
}
