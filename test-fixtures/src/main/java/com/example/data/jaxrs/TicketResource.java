package com.example.data.jaxrs;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.example.data.domain.Ticket;
import com.example.data.dto.TicketDto;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Support tickets over JAX-RS. */
@Path("/data/tickets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("support")
public class TicketResource {

    private final Map<Long, Ticket> tickets = new ConcurrentHashMap<>();

    // ruleid: entity-exposure contains: declared return type List<Ticket>
    @GET
    public List<Ticket> list() {
        return List.copyOf(tickets.values());
    }

    // ruleid: entity-exposure contains: returns ticket in Response.ok(ticket).build()
    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id) {
        Ticket ticket = find(id);
        return Response.ok(ticket).build();
    }

    // ok: entity-exposure
    @GET
    @Path("{id}/summary")
    public TicketDto summary(@PathParam("id") long id) {
        Ticket t = find(id);
        return new TicketDto(t.getId(), t.getTitle(), t.getStatus());
    }

    // ruleid: mass-assignment contains: fields status, ownerId
    // ruleid: entity-exposure contains: Response.status(Response.Status.CREATED).entity(ticket).build()
    @POST
    public Response create(Ticket ticket) {
        tickets.put(ticket.getId(), ticket);
        return Response.status(Response.Status.CREATED).entity(ticket).build();
    }

    // ok: mass-assignment
    // ok: entity-exposure
    @PUT
    @Path("{id}/title")
    public TicketDto rename(@PathParam("id") long id, TicketDto update) {
        Ticket t = find(id);
        t.setTitle(update.title());
        return new TicketDto(t.getId(), t.getTitle(), t.getStatus());
    }

    private Ticket find(long id) {
        Ticket t = tickets.get(id);
        if (t == null) {
            throw new NotFoundException();
        }
        return t;
    }
}
