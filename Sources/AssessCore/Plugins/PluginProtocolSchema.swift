// The schema is also docs/plugin-protocol.schema.json; a test keeps the two identical.

extension PluginProtocol {
    /// The JSON Schema of the protocol (`docs/plugin-protocol.schema.json`).
    public static let schemaText = #"""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://assess.invalid/plugin-protocol/1",
  "title": "assess external processor protocol, version 1",
  "description": "The request assess writes to an assess-processor-NAME executable's standard input ($defs/request) and the response it reads from its standard output ($defs/response).",
  "$defs": {
    "request": {
      "type": "object",
      "required": ["protocol_version", "processor", "options", "assessment", "submission", "metadata"],
      "additionalProperties": false,
      "properties": {
        "protocol_version": {"const": 1},
        "processor": {"type": "string", "minLength": 1},
        "options": {"type": "object"},
        "assessment": {
          "type": "object",
          "required": ["id", "title", "module", "kind"],
          "additionalProperties": false,
          "properties": {
            "id": {"type": "string"},
            "title": {"type": "string"},
            "module": {"type": "string"},
            "kind": {"enum": ["written", "group_presentation", "mcq", "journal", "dissertation"]},
            "word_limit": {"type": "integer", "minimum": 1},
            "deadline": {"type": "string"}
          }
        },
        "submission": {
          "type": "object",
          "required": ["candidate_id", "documents"],
          "additionalProperties": false,
          "properties": {
            "candidate_id": {"type": "string", "minLength": 1},
            "documents": {"type": "array", "items": {"$ref": "#/$defs/document"}}
          }
        },
        "metadata": {
          "type": "object",
          "required": ["assess_version"],
          "properties": {
            "assess_version": {"type": "string"},
            "group": {"type": "string"},
            "deadline_passed": {"type": "boolean"}
          }
        }
      }
    },
    "document": {
      "type": "object",
      "required": ["file", "format", "words", "blocks", "text_by_section"],
      "additionalProperties": false,
      "properties": {
        "file": {"type": "string"},
        "format": {"enum": ["docx", "odt", "pptx", "pdf", "rtf", "text", "markdown"]},
        "words": {"type": "integer", "minimum": 0},
        "blocks": {"type": "array", "items": {"$ref": "#/$defs/block"}},
        "text_by_section": {
          "type": "object",
          "additionalProperties": {"type": "string"},
          "properties": {
            "front_matter": {"type": "string"},
            "body": {"type": "string"},
            "references": {"type": "string"},
            "appendix": {"type": "string"}
          }
        }
      }
    },
    "block": {
      "type": "object",
      "required": ["section", "kind", "text", "words"],
      "additionalProperties": false,
      "properties": {
        "section": {"enum": ["front_matter", "body", "references", "appendix"]},
        "kind": {"enum": ["heading", "paragraph", "list_item", "table_cell", "caption", "footnote", "endnote", "text_box", "header", "footer", "comment", "slide", "notes", "deleted", "hidden"]},
        "text": {"type": "string"},
        "words": {"type": "integer", "minimum": 0},
        "level": {"type": "integer", "minimum": 0},
        "page": {"type": "integer", "minimum": 1}
      }
    },
    "response": {
      "type": "object",
      "required": ["protocol_version"],
      "additionalProperties": false,
      "properties": {
        "protocol_version": {"const": 1},
        "metrics": {"type": "object"},
        "marks": {
          "type": "array",
          "maxItems": 100,
          "items": {
            "type": "object",
            "required": ["name", "value"],
            "additionalProperties": false,
            "properties": {
              "name": {"type": "string", "minLength": 1, "maxLength": 100},
              "value": {"type": "number"},
              "out_of": {"type": "number", "minimum": 0}
            }
          }
        },
        "feedback": {
          "type": "array",
          "maxItems": 20,
          "items": {
            "type": "object",
            "required": ["title"],
            "additionalProperties": false,
            "properties": {
              "title": {"type": "string", "minLength": 1, "maxLength": 200},
              "summary": {"type": "string", "maxLength": 2000},
              "facts": {
                "type": "array",
                "maxItems": 50,
                "items": {
                  "type": "object",
                  "required": ["label", "value"],
                  "additionalProperties": false,
                  "properties": {
                    "label": {"type": "string", "maxLength": 200},
                    "value": {"type": "string", "maxLength": 2000},
                    "emphasis": {"type": "boolean"}
                  }
                }
              },
              "notes": {"type": "array", "maxItems": 50, "items": {"type": "string", "maxLength": 2000}}
            }
          }
        },
        "findings": {
          "type": "array",
          "maxItems": 100,
          "items": {
            "type": "object",
            "required": ["code", "severity", "message"],
            "additionalProperties": false,
            "properties": {
              "code": {"type": "string", "minLength": 1, "maxLength": 100},
              "severity": {"enum": ["info", "warning", "attention"]},
              "message": {"type": "string", "maxLength": 2000}
            }
          }
        },
        "columns": {
          "type": "array",
          "maxItems": 20,
          "items": {
            "type": "object",
            "required": ["name", "value"],
            "additionalProperties": false,
            "properties": {
              "name": {"type": "string", "minLength": 1, "maxLength": 100},
              "value": {"type": "string", "maxLength": 500}
            }
          }
        }
      }
    }
  }
}
"""#
}
