package com.example.data.forms;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import com.example.data.domain.Settings;

/** Binds the settings entity from a form, but only the theme field. */
@Controller
public class ThemeFormController {

    @InitBinder
    void allowOnlyTheme(WebDataBinder binder) {
        binder.setAllowedFields("theme");
    }

    // ok: mass-assignment
    @PostMapping("/data/settings/theme")
    public String theme(@ModelAttribute("settings") Settings settings) {
        return "redirect:/data/settings";
    }
}
