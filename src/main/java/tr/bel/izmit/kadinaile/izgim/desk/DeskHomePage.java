package tr.bel.izmit.kadinaile.izgim.desk;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The desk's home: where the Tasklist link leads, with the way to the library and to the seminars. */
@Controller
class DeskHomePage {

    @GetMapping(IzgimDesk.PATH)
    String home(Model model, Principal caller) {
        model.addAttribute("user", caller.getName());
        return "izgim/masa/home";
    }
}
