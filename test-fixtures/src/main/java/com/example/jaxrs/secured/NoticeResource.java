package com.example.jaxrs.secured;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** No role annotation at all, in an app that uses them elsewhere: anyone can read and post notices. */
@Path("/lab/notices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NoticeResource {

    // ruleid: missing-authentication
    @GET
    public List<String> current() {
        return List.of();
    }

    // ruleid: missing-authentication contains: anonymous callers can change state with POST
    @POST
    public String post(String notice) {
        return notice;
    }
}
