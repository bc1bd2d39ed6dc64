package dev.apisec.core.model;

/** Where a handler parameter's value comes from. */
public enum BindingSource {
    PATH, QUERY, BODY, HEADER, COOKIE, FORM, MODEL_ATTRIBUTE, PRINCIPAL, SECURITY_CONTEXT, REQUEST, RESPONSE,
    SESSION, OTHER
}
