package dev.apisec.core.security;

import dev.apisec.core.diag.Notifications;
import dev.apisec.core.model.SourceLocation;
import dev.apisec.core.source.SourceFile;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code <security-constraint>}s from {@code WEB-INF/web.xml} files; external entities are never loaded. */
final class WebXmlReader {

    private WebXmlReader() {
    }

    static List<WebXmlConstraint> read(List<SourceFile> files, Notifications notes) {
        List<WebXmlConstraint> out = new ArrayList<>();
        for (SourceFile f : files) {
            if (!f.relativePath().endsWith("web.xml")) {
                continue;
            }
            try (InputStream in = Files.newInputStream(f.path())) {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(true);
                factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                factory.setExpandEntityReferences(false);
                DocumentBuilder builder = factory.newDocumentBuilder();
                builder.setErrorHandler(null);
                Document doc = builder.parse(in);
                NodeList constraints = doc.getElementsByTagNameNS("*", "security-constraint");
                for (int i = 0; i < constraints.getLength(); i++) {
                    Element c = (Element) constraints.item(i);
                    List<String> patterns = texts(c, "url-pattern");
                    List<String> methods = texts(c, "http-method");
                    List<String> omissions = texts(c, "http-method-omission");
                    NodeList auth = c.getElementsByTagNameNS("*", "auth-constraint");
                    List<String> roles = auth.getLength() == 0 ? null : texts((Element) auth.item(0), "role-name");
                    out.add(new WebXmlConstraint(patterns, methods, omissions, roles,
                            SourceLocation.ofFile(f.relativePath())));
                }
            } catch (Exception e) {
                notes.warning(f.relativePath(), 0, "web.xml not understood: " + e.getMessage());
            }
        }
        return out;
    }

    private static List<String> texts(Element parent, String tag) {
        List<String> out = new ArrayList<>();
        NodeList nodes = parent.getElementsByTagNameNS("*", tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            out.add(n.getTextContent().trim());
        }
        return out;
    }
}
