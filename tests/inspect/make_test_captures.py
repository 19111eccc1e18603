#!/usr/bin/env python3
"""Writes the small HAR captures and payloads that tests/inspect/inspect_test.cpp runs xbl-inspect on.

  python3 tests/inspect/make_test_captures.py [DIR]    (DIR defaults to this script's directory)

The files are committed; this script is how they were made and how to remake them after a change.
Each entry carries a "comment" (HAR 1.2 allows one anywhere) saying what it exercises; the test
asserts, per entry, the findings listed there. Deterministic: the same script writes the same bytes.
"""
import base64
import hashlib
import json
import os
import struct
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tools", "inspect"))
import make_capture as mc  # noqa: E402  the bundled capture's writer: same token, signature, PNG and entry shapes

TOKEN, SIGNATURE, USERHASH, SCID = mc.TOKEN, mc.SIGNATURE, mc.USERHASH, mc.SCID
AUTH = f"XBL3.0 x={USERHASH};{TOKEN}"
# A token longer than the 64 bytes the library quotes of a value: 200 bytes, JWT-like.
LONG_TOKEN = ("eyJ" + base64.urlsafe_b64encode(b"".join(hashlib.sha256(bytes([i])).digest() for i in range(5)))
              .decode())[:200]
XUID1, XUID2 = "2533274790395904", "2814613569642996"

PRESENCE = "https://userpresence.xboxlive.com/users/me/groups/"
PRIVACY = "https://privacy.xboxlive.com/users/me/permission/validate"
HANDLES = "https://sessiondirectory.xboxlive.com/handles"
GAMERPIC = "https://gamerpics.xboxlive.com/users/me/gamerpic"


def h(name, value):
    return {"name": name, "value": value}


def presence_headers(drop=(), **replace):
    """The five headers a presence GET needs (and Authorization); `drop` leaves some out, `replace` swaps values."""
    pairs = [("Authorization", AUTH), ("x-xbl-contract-version", "3"), ("Accept", "application/json"),
             ("Accept-Language", "en-GB"), ("Host", "userpresence.xboxlive.com")]
    out = []
    for name, value in pairs:
        if name in drop:
            continue
        out.append(h(name, replace.get(name.replace("-", "_"), value)))
    return out


def handles_headers(contract="107", auth=AUTH):
    return [h("Authorization", auth), h("Signature", SIGNATURE), h("x-xbl-contract-version", contract),
            h("Content-Type", "application/json")]


def privacy_headers(version="1", auth=AUTH):
    out = [h("Authorization", auth)]
    if version is not None:
        out.append(h("X-RequestedServiceVersion", version))
    return out


def gamerpic_headers(content_type="image/png"):
    return [h("Authorization", AUTH), h("Signature", SIGNATURE), h("Content-Type", content_type)]


def b64(data):
    return base64.b64encode(data if isinstance(data, bytes) else data.encode()).decode()


def compact(value):
    return mc.compact(value)


def pretty(value):
    return json.dumps(value, ensure_ascii=False, indent=2)


def entry(comment, method, url, headers, status=200, body=None, response=None, body_encoding=None,
          body_mime="application/json", response_encoding=None):
    e = mc.entry(method, url, headers, status, body=body, response=response, body_mime=body_mime,
                 body_encoding=body_encoding)
    if response_encoding:
        e["response"]["content"]["encoding"] = response_encoding
    e["comment"] = comment
    return e


def session_ref():
    return {"scid": SCID, "templateName": "deathmatch", "name": "session-49"}


def invite(context):
    return {"id": "47ca0049-a5ba-4bc1-aa22-fcf834ce4c13", "version": 1, "type": "invite", "sessionRef": session_ref(),
            "inviteAttributes": {"titleId": "1144039928", "context": context, "contextString": "JOIN_ME"},
            "invitedXuid": XUID2}


def activity(version=1):
    return {"version": version, "type": "activity", "sessionRef": session_ref()}


def records(level):
    return [mc.presence_record(XUID1, level), mc.presence_record(XUID2, level)]


ALLOWED = {"isAllowed": True}
DENIED = {"isAllowed": False, "reasons": [{"reason": "PrivacySettingRestrictsTarget", "restrictedSetting": "SharePresence"}]}
BATCH = {"users": [{"xuid": XUID1}, {"anonymousUser": "crossNetworkFriend"}],
         "permissions": ["CommunicateUsingText", "ViewTargetPresence", "ShareFriendList"]}
BATCH_ANSWER = {"responses": [
    {"user": {"xuid": XUID1}, "permissions": [ALLOWED, DENIED, ALLOWED]},
    {"user": {"anonymousUser": "crossNetworkFriend"}, "permissions": [DENIED, DENIED, ALLOWED]}]}


def other_hosts():
    return [
        entry("another host: counted, passed over", "GET", "https://title.mgt.xboxlive.com/titles/current/endpoints",
              [h("Authorization", AUTH)], response='{"EndPoints":[]}'),
        entry("a known host, a path no endpoint has: passed over", "GET",
              "https://userpresence.xboxlive.com/users/me/devices", [], response="not json"),
        entry("the presence path with another method: passed over", "DELETE", PRESENCE + "People", [], status=405),
    ]


def clean():
    """Every endpoint, sound: no findings, exit 0."""
    return [
        entry("a 1080 x 1080 PNG, base64 as exporters write binary bodies", "PUT", GAMERPIC, gamerpic_headers(), 201,
              body=b64(mc.png(1080, 1080)), body_mime="image/png", body_encoding="base64", response=""),
        entry("an activity handle; no response body", "POST", HANDLES, handles_headers(), 201,
              body=compact(activity()), response=""),
        entry("an invite whose context is exactly 256 characters once URI-encoded (85 spaces and 'a')", "POST",
              HANDLES, handles_headers("104"), 201, body=compact(invite(" " * 85 + "a")),
              response=compact(dict(invite(" " * 85 + "a"), ownerXuid=XUID1, unknownExtra={"kept": True}))),
        entry("level user; header names in another case", "GET", PRESENCE + "People?level=user",
              [{"name": p["name"].lower(), "value": p["value"]} for p in presence_headers()],
              response=pretty(records("user"))),
        entry("no level: title is the default; HTTP/2 :authority instead of Host", "GET", PRESENCE + "People",
              presence_headers(drop=("Host",)) + [h(":authority", "userpresence.xboxlive.com")],
              response=pretty(records("title"))),
        entry("level all", "GET", PRESENCE + "People?level=all", presence_headers(), response=compact(records("all"))),
        entry("a 503 is not read", "GET", PRESENCE + "People?level=all", presence_headers(), 503,
              response="<html>Service Unavailable</html>"),
        entry("the single permission check", "GET",
              PRIVACY + f"?setting=ViewTargetProfile&target=xuid({XUID2})", privacy_headers(), response=compact(ALLOWED)),
        entry("a batch whose answer lines up", "POST", PRIVACY, privacy_headers(), body=compact(BATCH),
              response=compact(BATCH_ANSWER)),
        entry("a batch for xuid(N)", "POST",
              f"https://privacy.xboxlive.com/users/xuid({XUID1})/permission/validate", privacy_headers(),
              body=compact(BATCH), response=pretty(BATCH_ANSWER)),
    ] + other_hosts()


def headers_capture():
    return [
        entry("header.missing Accept-Language", "GET", PRESENCE + "People?level=user",
              presence_headers(drop=("Accept-Language",)), response=compact(records("user"))),
        entry("header.missing Authorization, x-xbl-contract-version (so no contract check)", "GET",
              PRESENCE + "People?level=user", presence_headers(drop=("Authorization", "x-xbl-contract-version")),
              response=compact(records("user"))),
        entry("header.contract_version: 103 is older than the models", "POST", HANDLES, handles_headers("103"), 201,
              body=compact(activity()), response=""),
        entry("header.contract_version: not a number", "POST", HANDLES, handles_headers("v107"), 201,
              body=compact(activity()), response=""),
        entry("header.value Accept", "GET", PRESENCE + "People?level=user",
              presence_headers(Accept="text/html"), response=compact(records("user"))),
        entry("header.authorization: no ';' between user hash and token", "GET", PRESENCE + "People?level=user",
              presence_headers(Authorization=f"XBL3.0 x={USERHASH} {TOKEN}"), response=compact(records("user"))),
        entry("header.authorization: another scheme", "POST", PRIVACY, privacy_headers(auth=f"Bearer {TOKEN}"),
              body=compact(BATCH), response=compact(BATCH_ANSWER)),
        entry("header.authorization: empty user hash", "POST", PRIVACY, privacy_headers(auth=f"XBL3.0 x=;{TOKEN}"),
              body=compact(BATCH), response=compact(BATCH_ANSWER)),
        entry("header.authorization: empty token", "GET", PRIVACY + f"?setting=ViewTargetProfile&target=xuid({XUID2})",
              privacy_headers(auth=f"XBL3.0 x={USERHASH};"), response=compact(ALLOWED)),
        entry("header.missing X-RequestedServiceVersion", "GET",
              PRIVACY + f"?setting=ViewTargetProfile&target=xuid({XUID2})", privacy_headers(version=None),
              response=compact(ALLOWED)),
        entry("header.contract_version X-RequestedServiceVersion 0", "GET",
              PRIVACY + f"?setting=ViewTargetProfile&target=xuid({XUID2})", privacy_headers(version="0"),
              response=compact(ALLOWED)),
        entry("header.value Content-Type", "PUT", GAMERPIC, gamerpic_headers("image/jpeg"), 201,
              body=b64(mc.png(1080, 1080)), body_mime="image/jpeg", body_encoding="base64", response=""),
    ]


def url_capture():
    return [
        entry("url.moniker people", "GET", PRESENCE + "people?level=all", presence_headers(),
              response=compact(records("all"))),
        entry("url.level everything: no level check on the answer", "GET", PRESENCE + "People?level=everything",
              presence_headers(), response=compact(records("all"))),
        entry("url enum.unknown setting", "GET",
              PRIVACY + f"?setting=ViewTargetSocialClubs&target=xuid({XUID2})", privacy_headers(),
              response=compact(ALLOWED)),
        entry("url.setting missing, url.target me", "GET", PRIVACY + "?target=me", privacy_headers(),
              response=compact(ALLOWED)),
        entry("url.requestor_id", "POST", "https://privacy.xboxlive.com/users/xuid(25332747x)/permission/validate",
              privacy_headers(), body=compact(BATCH), response=compact(BATCH_ANSWER)),
    ]


def handles_capture():
    long_context = " " * 86  # 258 characters once URI-encoded
    return [
        entry("context.max_uri_length in the request and in the handle that echoes it", "POST", HANDLES,
              handles_headers(), 201, body=compact(invite(long_context)),
              response=compact(dict(invite(long_context), ownerXuid=XUID1))),
        entry("handle.version", "POST", HANDLES, handles_headers(), 201, body=compact(activity(2)), response=""),
        entry("a type no variant has", "POST", HANDLES, handles_headers(), 201,
              body='{"version":1,"type":"party","sessionRef":{"scid":"%s","templateName":"t"}}' % SCID, response=""),
        entry("body.missing", "POST", HANDLES, handles_headers(), 201, response=""),
    ]


def presence_capture():
    odd = records("device")
    odd[0]["state"] = "Busy"
    odd[1]["devices"][0]["type"] = "Win8"
    deep = records("title")
    last_seen = mc.presence_record(XUID2, "device")
    last_seen["lastSeen"] = {"deviceType": "PC", "titleId": "1144039928", "titleName": "Contoso 5",
                             "timestamp": "2026-11-02T18:03:51.2340000Z"}
    return [
        entry("enum.unknown state and device type", "GET", PRESENCE + "People?level=device", presence_headers(),
              response=pretty(odd)),
        entry("presence.level: titles at level device", "GET", PRESENCE + "People?level=device", presence_headers(),
              response=compact(deep)),
        entry("presence.level: activity at the default level title", "GET", PRESENCE + "People", presence_headers(),
              response=compact(records("all")[:1])),
        entry("presence.last_seen_with_devices", "GET", PRESENCE + "People?level=device", presence_headers(),
              response=compact([last_seen])),
    ]


def privacy_capture():
    fewer = {"responses": BATCH_ANSWER["responses"][:1]}
    short = json.loads(json.dumps(BATCH_ANSWER))
    short["responses"][1]["permissions"].pop()
    return [
        entry("batch.correlate: fewer users answered than asked", "POST", PRIVACY, privacy_headers(),
              body=compact(BATCH), response=compact(fewer)),
        entry("batch.correlate: fewer permissions for the second user", "POST", PRIVACY, privacy_headers(),
              body=compact(BATCH), response=compact(short)),
        entry("permission.reasons on the single check", "GET",
              PRIVACY + f"?setting=ViewTargetProfile&target=xuid({XUID2})", privacy_headers(),
              response=compact({"isAllowed": True, "reasons": [{"reason": "NotAllowed"}]})),
        entry("batch.non_empty and permission_user.exactly_one: the request still reads, so its answer is correlated",
              "POST", PRIVACY, privacy_headers(),
              body=compact({"users": [{"xuid": XUID1, "anonymousUser": "allUsers"}], "permissions": []}),
              response=compact({"responses": []})),
    ]


def syntax_capture():
    missing_comma = '[\n  {\n    "xuid": "%s"\n    "state": "Online"\n  }\n]' % XUID1
    trailing = '{\n  "users": [{"xuid": "%s"}],\n  "permissions": ["ViewTargetPresence",],\n}' % XUID1
    commented = '{\n  // the single check\n  "isAllowed": true\n}'
    return [
        entry("json.syntax at line 4 of the response", "GET", PRESENCE + "People?level=user", presence_headers(),
              response=missing_comma),
        entry("trailing commas: json.syntax, read with --lenient", "POST", PRIVACY, privacy_headers(), body=trailing,
              response=compact({"responses": [{"user": {"xuid": XUID1}, "permissions": [ALLOWED]}]})),
        entry("a comment: json.syntax, read with --lenient", "GET",
              PRIVACY + f"?setting=ViewTargetProfile&target=xuid({XUID2})", privacy_headers(), response=commented),
        entry("json.type_mismatch: a xuid as a number", "GET", PRESENCE + "People?level=user", presence_headers(),
              response='[{"xuid": %s, "state": "Online"}]' % XUID1),
        entry("json.unexpected_end", "GET", PRESENCE + "People?level=user", presence_headers(),
              response='[{"xuid": "%s", "state": "Onl' % XUID1),
    ]


def base64_capture():
    wrapped = b64(compact(records("user")))
    wrapped = "\r\n".join(wrapped[i:i + 76] for i in range(0, len(wrapped), 76))
    return [
        entry("a base64 JSON response that decodes and reads fine", "GET", PRESENCE + "People?level=title",
              presence_headers(), response=b64(pretty(records("title"))), response_encoding="base64"),
        entry("the same, wrapped at 76 columns as MIME writes it", "GET", PRESENCE + "People?level=user",
              presence_headers(), response=wrapped, response_encoding="base64"),
        entry("a base64 response that decodes to a presence.level fault", "GET", PRESENCE + "People?level=user",
              presence_headers(), response=b64(compact(records("device"))), response_encoding="base64"),
        entry("body.base64: a request body that does not decode", "PUT", GAMERPIC, gamerpic_headers(), 201,
              body="iVBORw0KGgo*not+base64*", body_mime="image/png", body_encoding="base64", response=""),
        entry("body.base64: a response that does not decode", "GET", PRESENCE + "People?level=user",
              presence_headers(), response="W3sieHVpZCI6=IjEifV0=", response_encoding="base64"),
    ]


def png_with_bad_crc():
    data = bytearray(mc.png(1080, 1080))
    data[29] ^= 0xFF  # the IHDR CRC's first byte
    return bytes(data)


def gamerpic_capture():
    jpeg = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"
    return [
        entry("gamerpic.dimensions: 512 x 512", "PUT", GAMERPIC, gamerpic_headers(), 201,
              body=b64(mc.png(512, 512)), body_mime="image/png", body_encoding="base64", response=""),
        entry("gamerpic.png: a JPEG", "PUT", GAMERPIC, gamerpic_headers(), 201, body=b64(jpeg), body_mime="image/png",
              body_encoding="base64", response=""),
        entry("gamerpic.png: the IHDR CRC does not match", "PUT", GAMERPIC, gamerpic_headers(), 201,
              body=b64(png_with_bad_crc()), body_mime="image/png", body_encoding="base64", response=""),
        entry("body.missing: no picture", "PUT", GAMERPIC, gamerpic_headers(), 201, response=""),
    ]


def leak_capture():
    return [
        entry("the Authorization value pasted into the contract header: the finding quotes it", "GET",
              PRESENCE + "People?level=user", presence_headers(x_xbl_contract_version=AUTH),
              response=compact(records("user"))),
        entry("the signature sent as a permission id: the finding quotes it", "POST", PRIVACY,
              privacy_headers() + [h("Signature", SIGNATURE)],
              body=compact({"users": [{"xuid": XUID1}], "permissions": [SIGNATURE]}),
              response=compact({"responses": [{"user": {"xuid": XUID1}, "permissions": [ALLOWED]}]})),
    ]


def long_token_capture():
    auth = f"XBL3.0 x={USERHASH};{LONG_TOKEN}"
    state = records("user")
    state[0]["state"] = LONG_TOKEN
    xuid = records("user")
    xuid[1]["xuid"] = LONG_TOKEN
    return [
        entry("enum.unknown: a state that is the token, quoted cut at 64 bytes", "GET", PRESENCE + "People?level=user",
              presence_headers(Authorization=auth), response=compact(state)),
        entry("a read error that quotes the token cut at 64 bytes: a xuid that does not parse", "GET",
              PRESENCE + "People?level=user", presence_headers(Authorization=auth), response=pretty(xuid)),
        entry("json.unknown_variant: the token as a handle's type, quoted cut at 64 bytes", "POST", HANDLES,
              handles_headers(auth=auth), 201,
              body='{"version":1,"type":"%s","sessionRef":{"scid":"%s","templateName":"t"}}' % (LONG_TOKEN, SCID),
              response=""),
        entry("the Authorization value pasted into the contract header: quoted whole", "GET",
              PRESENCE + "People?level=user", presence_headers(Authorization=auth, x_xbl_contract_version=auth),
              response=compact(records("user"))),
    ]


def short_token_capture():
    state = records("user")
    state[0]["state"] = "t"
    return [
        entry("a one-byte token, echoed as a state: that quoted value is redacted, no other 't'", "GET",
              PRESENCE + "People?level=user",
              presence_headers(drop=("Accept-Language",), Authorization=f"XBL3.0 x={USERHASH};t"),
              response=compact(state)),
    ]


def cut_capture():
    """Two entries with a finding each, then the text ends inside the third."""
    last = "a sound entry the capture ends inside"
    entries = headers_capture()[:1] + url_capture()[:1] + [
        entry(last, "GET", PRESENCE + "People?level=all", presence_headers(), response=compact(records("all")))]
    text = json.dumps(har(entries, "a capture cut short"), ensure_ascii=False, indent=1)
    return text[:text.index(last) + len(last) // 2]


def har(entries, comment):
    return {"log": {"version": "1.2", "creator": {"name": "make_test_captures.py", "version": "1"},
                    "comment": comment, "entries": entries}}


CAPTURES = {
    "clean.har": (clean, "every endpoint, sound; other hosts passed over"),
    "headers.har": (headers_capture, "missing headers, contract versions, malformed Authorization"),
    "url.har": (url_capture, "moniker, level, setting, target and requestor id in the URL"),
    "handles.har": (handles_capture, "invite context length, handle version, unknown type, no body"),
    "presence.har": (presence_capture, "unknown enums, levels, lastSeen with devices"),
    "privacy.har": (privacy_capture, "batch correlation and permission rules"),
    "syntax.har": (syntax_capture, "bodies that do not read as JSON"),
    "base64.har": (base64_capture, "base64 bodies, decoding and not"),
    "gamerpic.har": (gamerpic_capture, "PNG header checks"),
    "leak.har": (leak_capture, "findings whose messages quote a secret"),
    "long_token.har": (long_token_capture, "findings that quote a 200-byte token cut short"),
    "short_token.har": (short_token_capture, "a one-byte token"),
}

# Read with --type PermissionCheckBatchResponse: an unknown reason and isAllowed true with reasons.
BATCH_RESPONSE = pretty({"responses": [
    {"user": {"xuid": XUID1}, "permissions": [ALLOWED, {"isAllowed": True, "reasons": [{"reason": "NotAllowed"}]}]},
    {"user": {"xuid": XUID2}, "permissions": [ALLOWED, {"isAllowed": False, "reasons": [{"reason": "PrivilegeRest"}]}]},
]}) + "\n"

PAYLOADS = {
    "batch_response.json": BATCH_RESPONSE,
    # The same, cut short before its last reason: not JSON, so --type has nothing to check.
    "batch_response_cut.json": BATCH_RESPONSE[:BATCH_RESPONSE.index('"PrivilegeRest"')],
    # Sound, but with a comment and trailing commas: only --lenient reads it.
    "batch_response_lenient.json": "{\n  // one user, one permission\n  \"responses\": [\n"
                                   "    {\"user\": {\"xuid\": \"%s\"}, \"permissions\": [{\"isAllowed\": true},],},\n"
                                   "  ],\n}\n" % XUID1,
}


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else HERE
    for name, (make, comment) in CAPTURES.items():
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            json.dump(har(make(), comment), f, ensure_ascii=False, indent=1)
            f.write("\n")
    for name, text in PAYLOADS.items():
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            f.write(text)
    # Not captures: an exporter's truncated file, and a HAR without entries.
    with open(os.path.join(out, "not_json.har"), "w", encoding="utf-8") as f:
        f.write('{\n "log": {\n  "version": "1.2",\n  "entries": [\n   {"request": {"method": "GET",}}\n  ]\n }\n}\n')
    # Nor this, though it reads as one up to its third entry.
    with open(os.path.join(out, "cut.har"), "w", encoding="utf-8") as f:
        f.write(cut_capture())
    with open(os.path.join(out, "no_entries.har"), "w", encoding="utf-8") as f:
        f.write('{"log": {"version": "1.2", "creator": {"name": "x", "version": "1"}, "pages": []}}\n')


if __name__ == "__main__":
    main()
