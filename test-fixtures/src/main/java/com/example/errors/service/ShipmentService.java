package com.example.errors.service;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;

/** Shipments in memory; carrier and label calls fail the way remote calls do. */
@Service
public class ShipmentService {

    private final Map<String, ShipmentView> shipments = new ConcurrentHashMap<>();

    public ShipmentView find(String id) {
        ShipmentView view = shipments.get(id);
        if (view == null) {
            throw new ShipmentNotFoundException("Shipment " + id + " not found");
        }
        return view;
    }

    public String label(String id) throws IOException {
        find(id);
        throw new IOException("label printer at /var/spool/labels/" + id + " is offline");
    }

    public String dispatch(String id) {
        ShipmentView view = find(id);
        try {
            return book(view);
        } catch (IOException e) {
            throw new ShipmentRejectedException("carrier rejected the shipment: " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            throw new CarrierUnavailableException(e);
        }
    }

    public BigDecimal quote(String id) {
        ShipmentView view = find(id);
        if (view.price() == null) {
            throw new IllegalStateException("no tariff for carrier " + view.carrier());
        }
        return view.price();
    }

    public void report(OutputStream out) throws SQLException {
        try {
            for (ShipmentView v : shipments.values()) {
                out.write((v.id() + ";" + v.status() + "\n").getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void cancel(String id) {
        ShipmentView view = find(id);
        if ("DELIVERED".equals(view.status())) {
            throw new IllegalStateException("delivered shipments cannot be cancelled");
        }
        shipments.remove(id);
    }

    private String book(ShipmentView view) throws IOException {
        if (view.carrier() == null) {
            throw new IOException("carrier endpoint unreachable");
        }
        return view.carrier() + "-" + view.id();
    }
}
