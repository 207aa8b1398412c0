/*
 * wt_floor: the floor for assess's stack. Counts the words of DOCX and PPTX files with
 * libzip and libxml2's xmlTextReader and nothing else, so Benchmarks/speed.sh can say
 * how close `assess count` comes to the C libraries underneath it.
 *
 *   cc -O2 -o wt_floor wt_floor.c $(pkg-config --cflags --libs libxml-2.0 libzip)
 *   wt_floor FILE...        prints FILE<TAB>WORDS per file (FILE<TAB>ERROR: ... on failure)
 *
 * What it reads: word/document.xml of a DOCX; every ppt/slides/slideN.xml and
 * ppt/notesSlides/notesSlideN.xml of a PPTX (assess reads the notes pages too). Each
 * part is streamed: xmlReaderForIO pulls straight from zip_fread into libxml2's own
 * buffer, with no copy of the part and no tree.
 *
 * What it counts: white-space-separated tokens (ASCII white space) in the text of w:t
 * (a:t for slides). The runs of a paragraph (w:p, a:p) are joined without a space, so a
 * word split across runs counts once; w:tab, w:br, w:cr and a:br separate; a paragraph's
 * end ends a word. The token state is carried from one text node to the next rather
 * than the paragraph being copied, so the only work per byte is one table look-up.
 * Element names are matched by pointer against names interned in the reader's
 * dictionary, as assess does. It is a floor, not a word counter for people: it has no
 * notion of styles, sections, tables, footnotes or tracked changes.
 *
 * Exit status: 0 every file counted, 1 some file could not be read, 2 bad usage.
 */
#include <libxml/xmlreader.h>
#include <stdio.h>
#include <string.h>
#include <zip.h>

static unsigned char is_space[256];

static int read_entry(void *context, char *buffer, int length) {
    zip_int64_t n = zip_fread((zip_file_t *)context, buffer, (zip_uint64_t)length);
    return n < 0 ? -1 : (int)n;
}

/* Counts the tokens of one part; -1 when it is not well-formed XML. */
static long count_part(zip_t *archive, zip_uint64_t index, const char *name, int drawing) {
    zip_file_t *file = zip_fopen_index(archive, index, 0);
    if (!file) return -1;
    int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_COMPACT;
    xmlTextReaderPtr reader = xmlReaderForIO(read_entry, NULL, file, name, NULL, options);
    if (!reader) { zip_fclose(file); return -1; }

    const xmlChar *ns = xmlTextReaderConstString(reader, BAD_CAST(drawing
        ? "http://schemas.openxmlformats.org/drawingml/2006/main"
        : "http://schemas.openxmlformats.org/wordprocessingml/2006/main"));
    const xmlChar *p = xmlTextReaderConstString(reader, BAD_CAST "p");
    const xmlChar *t = xmlTextReaderConstString(reader, BAD_CAST "t");
    const xmlChar *br = xmlTextReaderConstString(reader, BAD_CAST "br");
    const xmlChar *tab = xmlTextReaderConstString(reader, BAD_CAST "tab");
    const xmlChar *cr = xmlTextReaderConstString(reader, BAD_CAST "cr");

    long words = 0;
    int in_text = 0, in_token = 0, status;
    while ((status = xmlTextReaderRead(reader)) == 1) {
        switch (xmlTextReaderNodeType(reader)) {
        case XML_READER_TYPE_ELEMENT: {
            if (xmlTextReaderConstNamespaceUri(reader) != ns) break;
            const xmlChar *local = xmlTextReaderConstLocalName(reader);
            if (local == t) {
                in_text = !xmlTextReaderIsEmptyElement(reader);
            } else if (local == br || local == tab || local == cr || local == p) {
                words += in_token;  /* a separator, or a paragraph opening inside another */
                in_token = 0;
            }
            break;
        }
        case XML_READER_TYPE_END_ELEMENT: {
            if (xmlTextReaderConstNamespaceUri(reader) != ns) break;
            const xmlChar *local = xmlTextReaderConstLocalName(reader);
            if (local == t) {
                in_text = 0;
            } else if (local == p) {
                words += in_token;
                in_token = 0;
            }
            break;
        }
        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
        case XML_READER_TYPE_WHITESPACE:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE: {
            if (!in_text) break;
            const unsigned char *c = xmlTextReaderConstValue(reader);
            if (!c) break;
            for (; *c; c++) {
                if (is_space[*c]) {
                    words += in_token;
                    in_token = 0;
                } else {
                    in_token = 1;
                }
            }
            break;
        }
        default:
            break;
        }
    }
    words += in_token;
    xmlFreeTextReader(reader);
    zip_fclose(file);
    return status == 0 ? words : -1;
}

/* ppt/slides/slideN.xml or ppt/notesSlides/notesSlideN.xml */
static int is_slide_part(const char *name) {
    const char *rest;
    if (strncmp(name, "ppt/slides/slide", 16) == 0) rest = name + 16;
    else if (strncmp(name, "ppt/notesSlides/notesSlide", 26) == 0) rest = name + 26;
    else return 0;
    if (*rest < '0' || *rest > '9') return 0;
    while (*rest >= '0' && *rest <= '9') rest++;
    return strcmp(rest, ".xml") == 0;
}

/* The words of one file; -1 with a message in `error` when it cannot be read. */
static long count_file(const char *path, char *error, size_t size) {
    int code = 0;
    zip_t *archive = zip_open(path, ZIP_RDONLY, &code);
    if (!archive) {
        zip_error_t e;
        zip_error_init_with_code(&e, code);
        snprintf(error, size, "%s", zip_error_strerror(&e));
        zip_error_fini(&e);
        return -1;
    }
    long total = 0;
    zip_int64_t document = zip_name_locate(archive, "word/document.xml", 0);
    if (document >= 0) {
        total = count_part(archive, (zip_uint64_t)document, "word/document.xml", 0);
        if (total < 0) snprintf(error, size, "word/document.xml is not well-formed XML");
    } else if (zip_name_locate(archive, "ppt/presentation.xml", 0) >= 0) {
        zip_int64_t entries = zip_get_num_entries(archive, 0);
        for (zip_int64_t i = 0; i < entries && total >= 0; i++) {
            const char *name = zip_get_name(archive, (zip_uint64_t)i, 0);
            if (!name || !is_slide_part(name)) continue;
            long words = count_part(archive, (zip_uint64_t)i, name, 1);
            if (words < 0) {
                snprintf(error, size, "%s is not well-formed XML", name);
                total = -1;
            } else {
                total += words;
            }
        }
    } else {
        snprintf(error, size, "neither word/document.xml nor ppt/presentation.xml");
        total = -1;
    }
    zip_discard(archive);  /* opened read-only: nothing to write */
    return total;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE...\n", argv[0]);
        return 2;
    }
    is_space[' '] = is_space['\t'] = is_space['\n'] = is_space['\r'] = is_space['\v'] = is_space['\f'] = 1;
    xmlInitParser();
    int failed = 0;
    char error[512];
    for (int i = 1; i < argc; i++) {
        long words = count_file(argv[i], error, sizeof error);
        if (words < 0) {
            printf("%s\tERROR: %s\n", argv[i], error);
            failed = 1;
        } else {
            printf("%s\t%ld\n", argv[i], words);
        }
    }
    return failed;
}
