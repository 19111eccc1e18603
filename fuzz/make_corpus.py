#!/usr/bin/env python3
"""Writes the seed corpora (fuzz/corpus/<target>/) and the dictionary (fuzz/dict/xbl.dict).

Seeds: the reference documents' samples, every test and example payload, and hand-made edge
cases. The dictionary: JSON's tokens and every key and enum name the models know, read from the
headers. Deterministic; run it again after adding a payload or a model member.
"""
import hashlib
import json
import pathlib
import re
import struct
import zlib

root = pathlib.Path(__file__).resolve().parent.parent
corpus = root / "fuzz" / "corpus"
seeds_dir = root.parent / "shared" / "seeds"


def put(target, data):
    if isinstance(data, str):
        data = data.encode()
    d = corpus / target
    d.mkdir(parents=True, exist_ok=True)
    (d / hashlib.sha1(data).hexdigest()[:16]).write_bytes(data)


def seed_samples():
    """The fenced samples of the reference pages, exactly as printed."""
    out = []
    if not seeds_dir.is_dir():
        return out
    for f in sorted(seeds_dir.glob("*.txt")):
        out += re.findall(r"```cpp\n(.*?)```", f.read_text(encoding="utf-8"), re.S)
    return out


COMMON = [
    "{}", "[]", "null", "true", "false", "0", "-0", "1e999999999", "-1.5e-300", "18446744073709551616",
    '"\\ud83d\\ude00"', '"\\ud800"', '"\\udc00\\ud800"', '"\\u0000"', '"a\\/b"', "01", "+1", ".5", "1.", "NaN",
    "[" * 70 + "]" * 70, '{"a":1,"a":2}', '{"a":[1,2,],}', "// c\n{a:1}", "/* x */[1]", '"\xc3\xa9"',
    b'"\xc0\xaf"', b'"\xed\xa0\x80"', b'"\xf4\x90\x80\x80"', b'"\x80"', b'"\xe2\x82"', b'{"k":"v"}\x00',
    # Tens of thousands of members: a reading that is not linear in them exceeds fuzz/run's per-input timeout.
    "{" + ",".join(f'"k{i}":{i}' for i in range(60000)) + "}",
    "[" + ",".join(f'{{"x{i}":[],"k":{{"a":"b"}}}}' for i in range(20000)) + "]",
]

MODELS = {
    "session_ref": ['{"scid":"bd6c41c3-01c3-468a-a3b5-3e0fe8133862","templateName":"deathmatch","name":"session-49"}'],
    "invite_attributes": ['{"titleId":"1144039928","context":"lobby=n","contextString":"JOIN","senderString":"svc"}',
                          '{"titleId":12341234}'],
    "transfer_handle_request": ['{"version":1,"type":"transfer","sessionRef":{"scid":"bd6c41c3-01c3-468a-a3b5-3e0fe8133862",'
                                '"templateName":"t"},"originSessionRef":{"scid":"bd6c41c3-01c3-468a-a3b5-3e0fe8133862",'
                                '"templateName":"u","name":"n"}}'],
    "invite_handle": ['{"id":"47ca0049-a5ba-4bc1-aa22-fcf834ce4c13","version":1,"type":"invite","invitedXuid":"3210",'
                      '"titleId":"12","ownerXuid":"2533274790395904"}'],
    "last_seen_record": ['{"deviceType":"PC","titleId":"714681658","titleName":"Home","timestamp":"2026-11-02T18:03:51Z"}'],
    "broadcast_record": ['{"id":"b","session":"s","provider":"Twitch","viewers":12,"started":"2026-11-02T17:59:00.1Z"}'],
    "media_record": ['{"id":"m","idType":"bing","name":"Film"}'],
    "permission_reason": ['{"reason":"MissingPrivilege","restrictedSetting":"AllowCommunications"}'],
    "permission_user": ['{"xuid":"12345"}', '{"anonymousUser":"crossNetworkFriend"}'],
}


def sample_targets(sample):
    """Which model targets a payload (a reference sample, a test's text) is likely to be."""
    s = sample.lstrip()
    if s.startswith("["):
        return ["presence_response"] if re.search(r'"?(xuid|state)"?\s*:', s) else []
    keys = set(re.findall(r'"?([A-Za-z]+)"?\s*:', s[:400]))
    if "responses" in keys:
        return ["permission_check_batch_response"]
    if "users" in keys:
        return ["permission_check_batch_request"]
    if "type" in keys and "sessionRef" in keys:
        if '"transfer"' in s:
            return ["handle_request", "transfer_handle_request"]
        if '"invite"' in s:
            return ["handle_request", "invite_handle_request", "invite_handle"]
        return ["handle_request", "activity_handle_request"]
    for key, target in [("devices", "presence_record"), ("lastSeen", "presence_record"),
                        ("titles", "device_record"), ("placement", "title_record"),
                        ("richPresence", "activity_record"), ("isAllowed", "permission_result"),
                        ("permissions", "permission_user_response"), ("viewers", "broadcast_record"),
                        ("idType", "media_record"), ("reason", "permission_reason"),
                        ("anonymousUser", "permission_user"), ("templateName", "session_ref"),
                        ("contextString", "invite_attributes"), ("deviceType", "last_seen_record")]:
        if key in keys:
            return [target]
    return []


def test_texts():
    """The JSON texts written in the tests' sources as raw string literals."""
    out = []
    for f in sorted((root / "tests").rglob("*.cpp")):
        for delim, body in re.findall(r'R"(\w*)\((.*?)\)\1"', f.read_text(encoding="utf-8"), re.S):
            if body.lstrip()[:1] in "{[" and len(body) <= 65536:
                out.append(body)
    return out


def loose_json(text):
    """The value of a text in the reference's loose style (comments, trailing commas), or None."""
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    text = re.sub(r'^(\s*(?:[^"\n]*"[^"\n]*")*[^"\n]*?)//.*$', r"\1", text, flags=re.M)
    text = re.sub(r",(\s*[}\]])", r"\1", text)
    try:
        return json.loads(text)
    except ValueError:
        return None


def png(width, height, crc_ok=True):
    data = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    crc = zlib.crc32(b"IHDR" + data) ^ (0 if crc_ok else 1)
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + data + struct.pack(">I", crc)


def main():
    for c in COMMON:
        put("common", c)
    for target, payloads in MODELS.items():
        for p in payloads:
            put(target, p)
    for sample in seed_samples() + test_texts():
        for target in sample_targets(sample):
            put(target, sample)
        put("raw_json", sample)
        put("differential", sample)
    payloads = sorted((root / "tests" / "data").glob("*.json")) + sorted((root / "examples" / "payloads").glob("*.json"))
    for f in payloads:
        data = f.read_bytes()
        put("raw_json", data)
        put("differential", data)
        name = f.name
        if name.startswith("presence"):
            put("presence_response", data)
            try:
                for record in loose_json(data.decode("utf-8", "replace")) or []:
                    put("presence_record", json.dumps(record, ensure_ascii=False))
                    for device in record.get("devices", []):
                        put("device_record", json.dumps(device, ensure_ascii=False))
                        for title in device.get("titles", []):
                            put("title_record", json.dumps(title, ensure_ascii=False))
                            activity = title.get("activity")
                            if activity:
                                put("activity_record", json.dumps(activity, ensure_ascii=False))
                                for key, target in [("media", "media_record"), ("broadcast", "broadcast_record")]:
                                    if key in activity:
                                        put(target, json.dumps(activity[key], ensure_ascii=False))
                    if "lastSeen" in record:
                        put("last_seen_record", json.dumps(record["lastSeen"], ensure_ascii=False))
            except (AttributeError, TypeError):
                pass
        elif name.startswith("privacy") and b"responses" in data:
            put("permission_check_batch_response", data)
            try:
                for response in (loose_json(data.decode("utf-8", "replace")) or {})["responses"]:
                    put("permission_user_response", json.dumps(response))
                    put("permission_user", json.dumps(response.get("user")))
                    for result in response.get("permissions", []):
                        put("permission_result", json.dumps(result))
                        for reason in result.get("reasons", []):
                            put("permission_reason", json.dumps(reason))
            except (KeyError, TypeError, AttributeError):
                pass
        elif name.startswith("privacy"):
            put("permission_check_batch_request", data)
        elif name.startswith("handles"):
            put("handle_request", data)
            put("invite_handle_request", data)
    for har in sorted((root / "examples" / "captures").glob("*.har")) + sorted((root / "tests" / "inspect").glob("*.har")):
        if har.stat().st_size <= 65536:
            put("capture", har.read_bytes())
    for line in ["GET\nhttps://userpresence.xboxlive.com/users/me/groups/People?level=all",
                 "POST\nhttps://privacy.xboxlive.com/users/xuid(2533274790395904)/permission/validate",
                 "GET\nhttps://privacy.xboxlive.com/users/me/permission/validate?setting=ViewTargetProfile&target=xuid%2812%29",
                 "PUT\nhttps://gamerpics.xboxlive.com:443/users/me/gamerpic#x",
                 "POST\nhttp://user@sessiondirectory.xboxlive.com/handles?"]:
        put("match", line)
    for text in ["2533274790395904", "0123456789", "bd6c41c3-01c3-468a-a3b5-3e0fe8133862", "12341234",
                 "2012-09-17T07:15:23.4930000", "2026-11-02T18:03:51.234Z", "2000-02-29T23:59:59", "me",
                 "xuid(0987654321)", "XBL3.0 x=3459289374829345723;eyJ0eXAi.secret"]:
        put("ids", text)
    for image in [png(1080, 1080), png(512, 512), png(1080, 1080, crc_ok=False), png(0, 1)]:
        put("png", image)

    # The dictionary: JSON's tokens, then every key and wire name in the headers.
    words = ['"{"', '"}"', '"["', '"]"', '":"', '","', '"\\""', '"true"', '"false"', '"null"', '"\\\\u"', '"//"',
             '"/*"', '"*/"', '"-0."', '"e+"', '"XBL3.0 x="', '"xuid("']
    names = set()
    for header in sorted((root / "include" / "xbl").glob("*.hpp")):
        text = header.read_text(encoding="utf-8")
        names.update(re.findall(r'field\("([^"]+)"', text))
        for group in re.findall(r'name\([\w:]+, ((?:"[^"]*"(?:, )?)+)\)', text):
            names.update(re.findall(r'"([^"]*)"', group))
    words += ['"\\"%s\\""' % n for n in sorted(names)]
    dict_dir = root / "fuzz" / "dict"
    dict_dir.mkdir(parents=True, exist_ok=True)
    (dict_dir / "xbl.dict").write_text("# JSON tokens and every name the models know (fuzz/make_corpus.py)\n" +
                                       "\n".join(words) + "\n")


if __name__ == "__main__":
    main()
