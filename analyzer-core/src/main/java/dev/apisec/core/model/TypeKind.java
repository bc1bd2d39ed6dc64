package dev.apisec.core.model;

/** Kinds of type declarations. */
public enum TypeKind { CLASS, INTERFACE, ENUM, RECORD, ANNOTATION }
