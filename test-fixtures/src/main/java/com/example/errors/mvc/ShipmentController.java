package com.example.errors.mvc;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.example.errors.service.ShipmentNotFoundException;
import com.example.errors.service.ShipmentService;
import com.example.errors.service.ShipmentView;

/** Handlers that catch exceptions themselves. */
@RestController
@RequestMapping("/errors/shipments")
public class ShipmentController {

    private static final Logger log = Logger.getLogger(ShipmentController.class.getName());

    private final ShipmentService service;

    public ShipmentController(ShipmentService service) {
        this.service = service;
    }

    @GetMapping("/{id}")
    public ShipmentView get(@PathVariable String id) {
        try {
            return service.find(id);
        } catch (ShipmentNotFoundException e) {
            // ok: exception-leak
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
    }

    @GetMapping("/{id}/label")
    public ResponseEntity<String> label(@PathVariable String id) {
        try {
            return ResponseEntity.ok(service.label(id));
        } catch (IOException e) {
            // ruleid: exception-leak contains: catch block of GET /errors/shipments/{id}/label sends the message of IOException (e.getMessage())
            return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body("label service failed: " + e.getMessage());
        }
    }

    @PostMapping("/{id}/dispatch")
    public Map<String, Object> dispatch(@PathVariable String id) {
        Map<String, Object> result = new HashMap<>();
        try {
            result.put("tracking", service.dispatch(id));
        } catch (RuntimeException e) {
            result.put("error", e.getMessage());
        }
        // ruleid: exception-leak contains: RuntimeException covers database, framework and library errors
        return result;
    }

    @GetMapping("/{id}/quote")
    public BigDecimal quote(@PathVariable String id) {
        try {
            return service.quote(id);
        } catch (IllegalStateException e) {
            // ruleid: exception-leak contains: as the reason of a thrown ResponseStatusException
            throw new ResponseStatusException(HttpStatus.BAD_GATEWAY, e.getMessage(), e);
        }
    }

    @GetMapping("/report")
    public void report(HttpServletResponse response) throws IOException {
        try {
            response.setContentType("text/csv");
            service.report(response.getOutputStream());
        } catch (SQLException e) {
            // ruleid: exception-leak contains: in response.sendError(...)
            response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, e.toString());
        }
    }

    @GetMapping("/{id}/manifest")
    public void manifest(@PathVariable String id, HttpServletResponse response) throws IOException {
        try {
            response.getWriter().write(service.find(id).toString());
        } catch (RuntimeException e) {
            response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            // ruleid: exception-leak contains: printed into the response
            e.printStackTrace(response.getWriter());
        }
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> cancel(@PathVariable String id) {
        try {
            service.cancel(id);
            return ResponseEntity.noContent().build();
        } catch (IllegalStateException e) {
            log.warning("cancel " + id + " refused: " + e.getMessage());
            // ok: exception-leak
            return ResponseEntity.status(HttpStatus.CONFLICT).build();
        }
    }
}
