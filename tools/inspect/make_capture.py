#!/usr/bin/env python3
"""Writes HAR 1.2 captures of Xbox Live traffic for xbl-inspect.

  make_capture.py session OUT.har          the bundled sample: every endpoint, a few deliberate faults
  make_capture.py large OUT.har --mb 100   many sound entries, about that many megabytes

Deterministic: the same arguments write the same bytes.
"""
import argparse
import base64
import json
import random
import struct
import zlib

TOKEN = "eyJlbmMiOiJBMTI4Q0JDK0hTMjU2IiwiYWxnIjoiUlNBLU9BRVAifQ.c2VjcmV0LXRva2VuLW5ldmVyLXByaW50ZWQ"
SIGNATURE = "AAAAAQHa1s0HbX3Vq2PWmJx0c2lnbmF0dXJlLW5ldmVyLXByaW50ZWQ="
USERHASH = "3459289374829345723"
SCID = "bd6c41c3-01c3-468a-a3b5-3e0fe8133862"


def png(width, height):
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    chunk = lambda kind, data: struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    idat = zlib.compress(b"\x00" * 64)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def headers(*pairs, auth=True, contract=None, signature=False):
    h = []
    if auth:
        h.append({"name": "Authorization", "value": f"XBL3.0 x={USERHASH};{TOKEN}"})
    if signature:
        h.append({"name": "Signature", "value": SIGNATURE})
    if contract:
        h.append(contract)
    h += [{"name": n, "value": v} for n, v in pairs]
    return h


def entry(method, url, req_headers, status, body=None, response=None, mime="application/json",
          body_mime="application/json", body_encoding=None, response_headers=None):
    request = {"method": method, "url": url, "httpVersion": "HTTP/1.1", "cookies": [],
               "headers": req_headers, "queryString": [], "headersSize": -1, "bodySize": len(body or "")}
    if body is not None:
        request["postData"] = {"mimeType": body_mime, "text": body}
        if body_encoding:
            request["postData"]["encoding"] = body_encoding
    content = {"size": len(response or ""), "mimeType": mime}
    if response is not None:
        content["text"] = response
    return {
        "startedDateTime": "2026-11-02T18:04:11.532Z", "time": 84.2,
        "request": request,
        "response": {"status": status, "statusText": "", "httpVersion": "HTTP/1.1", "cookies": [],
                     "headers": response_headers or [{"name": "Content-Type", "value": mime}],
                     "content": content, "redirectURL": "", "headersSize": -1, "bodySize": -1},
        "cache": {}, "timings": {"send": 0.1, "wait": 80.0, "receive": 4.1},
    }


def compact(value):
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def presence_record(xuid, level, rng=None, title_name="Contoso 5"):
    record = {"xuid": xuid, "state": "Online"}
    if level == "user":
        return record
    device = {"type": "XboxOne"}
    record["devices"] = [device]
    if level == "device":
        return record
    title = {"id": "1144039928", "name": title_name, "placement": "Full", "state": "Active",
             "lastModified": "2026-11-02T18:03:51.2340000Z"}
    device["titles"] = [title]
    if level == "title":
        return record
    title["activity"] = {"richPresence": "Chasing the dragon — niveau 3 «Ténèbres»",
                         "broadcast": {"id": "b-1", "session": "s-77", "provider": "twitch", "viewers": 12,
                                       "started": "2026-11-02T17:59:00Z"}}
    return record


PRESENCE = "https://userpresence.xboxlive.com/users/me/groups/People?level="
PRIVACY = "https://privacy.xboxlive.com/users/me/permission/validate"
PRESENCE_HEADERS = [("x-xbl-contract-version", "3"), ("Accept", "application/json"),
                    ("Accept-Language", "fr-FR"), ("Host", "userpresence.xboxlive.com")]


def session():
    entries = []
    picture = base64.b64encode(png(1080, 1080)).decode()
    entries.append(entry("PUT", "https://gamerpics.xboxlive.com/users/me/gamerpic",
                         headers(("Content-Type", "image/png")), 201, body=picture, body_mime="image/png",
                         body_encoding="base64", response=""))
    handles_contract = {"name": "x-xbl-contract-version", "value": "107"}
    activity = {"version": 1, "type": "activity",
                "sessionRef": {"scid": SCID, "templateName": "deathmatch", "name": "session-49"}}
    entries.append(entry("POST", "https://sessiondirectory.xboxlive.com/handles",
                         headers(contract=handles_contract, signature=True), 201, body=compact(activity), response=""))
    # Fault: an invite context of 120 'é', 720 characters once URI-encoded.
    invite = {"id": "47ca0049-a5ba-4bc1-aa22-fcf834ce4c13", "version": 1, "type": "invite",
              "sessionRef": {"scid": SCID, "templateName": "deathmatch", "name": "session-49"},
              "inviteAttributes": {"titleId": "1144039928", "context": "é" * 120,
                                   "contextString": "JOIN_ME"},
              "invitedXuid": "2814613569642996"}
    handle = dict(invite, ownerXuid="2533274790395904")
    entries.append(entry("POST", "https://sessiondirectory.xboxlive.com/handles",
                         headers(contract=handles_contract, signature=True), 201, body=compact(invite),
                         response=compact(handle)))
    # Fault: an answer at level user that still has devices.
    for level in ("user", "device", "title", "all"):
        records = [presence_record("2533274790395904", level), presence_record("2814613569642996", level)]
        if level == "user":
            records[1] = presence_record("2814613569642996", "device")
        entries.append(entry("GET", PRESENCE + level, headers(*PRESENCE_HEADERS), 200,
                             response=json.dumps(records, ensure_ascii=False, indent=2)))
    # Faults: a permission the service added after this library's list, and an answer with fewer users.
    batch = {"users": [{"xuid": "2533274790395904"}, {"xuid": "2814613569642996"},
                       {"anonymousUser": "crossNetworkFriend"}],
             "permissions": ["CommunicateUsingText", "ViewTargetPresence", "ViewTargetSocialClubs"]}
    allowed = {"isAllowed": True}
    denied = {"isAllowed": False, "reasons": [{"reason": "PrivacySettingRestrictsTarget",
                                               "restrictedSetting": "SharePresence"}]}
    answer = {"responses": [
        {"user": {"xuid": "2533274790395904"}, "permissions": [allowed, allowed, allowed]},
        {"user": {"xuid": "2814613569642996"}, "permissions": [allowed, denied, allowed]}]}
    privacy_headers = headers(("X-RequestedServiceVersion", "1"))
    entries.append(entry("POST", PRIVACY, privacy_headers, 200, body=compact(batch), response=compact(answer)))
    entries.append(entry("GET", PRIVACY + "?setting=ViewTargetProfile&target=xuid(2814613569642996)",
                         privacy_headers, 200, response=compact(allowed)))
    # Traffic for other hosts: counted, passed over.
    entries.append(entry("GET", "https://title.mgt.xboxlive.com/titles/current/endpoints", headers(), 200,
                         response='{"EndPoints":[]}'))
    entries.append(entry("GET", "https://login.live.com/oauth20_authorize.srf?client_id=000000004C12AE6F",
                         [], 302, response=""))
    return entries


def large(megabytes):
    rng = random.Random(20261123)
    entries, size = [], 0
    names = ["Forza Horizon 5", "Halo Infinite", "Sea of Thieves", "Microsoft Flight Simulator", "Grounded"]
    while size < megabytes * 1_000_000:
        records = []
        for _ in range(200):
            xuid = str(2533274790395904 + rng.randrange(10**9))
            records.append(presence_record(xuid, "all", title_name=rng.choice(names)))
        e = entry("GET", PRESENCE + "all", headers(*PRESENCE_HEADERS), 200, response=compact(records))
        entries.append(e)
        size += len(e["response"]["content"]["text"]) + 600
    return entries


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("kind", choices=["session", "large"])
    parser.add_argument("out")
    parser.add_argument("--mb", type=int, default=100)
    args = parser.parse_args()
    entries = session() if args.kind == "session" else large(args.mb)
    har = {"log": {"version": "1.2", "creator": {"name": "xbl-model capture writer", "version": "1"},
                   "entries": entries}}
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(har, f, ensure_ascii=False, indent=2 if args.kind == "session" else None)
        f.write("\n")


if __name__ == "__main__":
    main()
