package com.example.securityconfig.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** A server-rendered controller in the old style: some handlers answer every HTTP method. */
@Controller
// a class-level mapping without a method only sets the path prefix
// ok: unrestricted-request-mapping
@RequestMapping("/securityconfig/app/profile")
public class ProfileController {

    // ruleid: unrestricted-request-mapping contains: ProfileController.changeEmail(String) is mapped with @RequestMapping without a method, so /securityconfig/app/profile/email answers every HTTP method, GET included
    @RequestMapping("/email")
    public String changeEmail(@RequestParam("email") String email) {
        return "redirect:/securityconfig/app/profile";
    }

    // several paths, one handler: one finding
    @ResponseBody
    // ruleid: unrestricted-request-mapping contains: so each of /securityconfig/app/profile/delete, /securityconfig/app/profile/remove answers every HTTP method
    @RequestMapping(path = {"/delete", "/remove"})
    public String delete() {
        return "deleted";
    }

    // ok: unrestricted-request-mapping
    @RequestMapping(path = "/password", method = RequestMethod.POST)
    public String changePassword(@RequestParam("password") String password) {
        return "redirect:/securityconfig/app/profile";
    }

    // ok: unrestricted-request-mapping
    @PostMapping("/avatar")
    public String uploadAvatar() {
        return "redirect:/securityconfig/app/profile";
    }

    // ok: unrestricted-request-mapping
    @GetMapping("/{section}")
    public String show(@PathVariable("section") String section) {
        return "profile";
    }
}
