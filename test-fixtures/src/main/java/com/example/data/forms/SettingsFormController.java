package com.example.data.forms;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import com.example.data.domain.Settings;

/** Server-rendered settings pages (Thymeleaf views). */
@Controller
public class SettingsFormController {

    // ruleid: mass-assignment contains: the request parameters (implicit model attribute) to the persistent type Settings (@Entity) through parameter 'settings': a client can set the privilege or ownership fields admin
    @PostMapping("/data/settings")
    public String save(Settings settings) {
        return "redirect:/data/settings";
    }

    /** Domain-class conversion loads the entity by id: nothing is bound from the request. */
    // ok: mass-assignment
    @GetMapping("/data/settings/{id}")
    public String show(@PathVariable("id") Settings settings, Model model) {
        model.addAttribute("settings", settings);
        return "settings";
    }

    /** The entity becomes a model attribute for the view; it is not serialized to the client. */
    // ok: entity-exposure
    @GetMapping("/data/settings/{id}/edit")
    public Settings edit(@PathVariable("id") Settings settings) {
        return settings;
    }
}
