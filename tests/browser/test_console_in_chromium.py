"""The console in Chromium: a call arrives without a reload, is taken, recorded and referred; the wallboard shows it."""

import re

import httpx
from playwright.sync_api import Page, expect

from hotline.simulate import simulate_call
from tests.auth.helpers import PASSWORD, make_user
from tests.queue.helpers import queued_call
from tests.referrals.helpers import load_sample_directory, referrals_of

LIVE_S = 2.5  # the queue must be redrawn within 2 s; a little slack for a loaded machine


def sign_in(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/login" not in url)  # the home page, not the sign-in form's own controls


def simulated_call(settings, base: str, digits: str) -> str:
    """A caller placed as Twilio would (signed webhooks through the menus) against the running hotline."""
    with httpx.Client(timeout=10) as http:
        transcript = simulate_call(http, base_url=settings.public_base_url, token=settings.twilio_token, line="123",
                                   digits=digits, target_url=base)
    assert transcript.outcome == "queued", transcript.log
    return transcript.call_sid


def test_a_counselor_takes_records_and_refers_a_call_and_the_supervisor_sees_it(hotline_env, live_server, browser,
                                                                                  screenshot):
    load_sample_directory()
    counselor, supervisor = make_user("counselor"), make_user("supervisor")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    sign_in(page, live_server, counselor.username)
    expect(page).to_have_url(f"{live_server}/console")
    page.get_by_label("Presence").select_option("available")
    page.get_by_role("button", name="Set presence").click()
    expect(page.locator("#live-status")).to_contain_text("live", timeout=LIVE_S * 1000)
    page.evaluate("window.sameDocument = true")

    queued_call(urgency="medium", language="ru", waited_s=400)
    sid = simulated_call(hotline_env, live_server, "2,1")  # Russian; someone is in danger right now
    row = page.locator(f'#queue tr[data-call-sid="{sid}"]')
    expect(row).to_be_visible(timeout=LIVE_S * 1000)
    expect(page.locator("#queue tr.late.urgency-medium")).to_have_count(1)
    expect(page.locator("#alert")).to_be_visible()
    assert page.evaluate("window.sameDocument") is True, "the page was reloaded"
    screenshot(page, "console")

    page.get_by_role("button", name="Take next call").click()
    expect(page).to_have_url(f"{live_server}/console/calls/{sid}")
    page.get_by_label("Who called").select_option("third_party")
    page.locator("#f-category").select_option("domestic_violence")
    page.locator("#f-region").select_option("khatlon")
    page.get_by_label("Outcome").select_option("emergency_dispatched")
    page.get_by_label("Notes").fill("Neighbour reports shouting and a child crying; aggressor at home.")
    page.locator('#any-type input[value="mobile_team"]').check()
    screenshot(page, "call-screen")
    page.get_by_role("button", name="Save contact and referrals").click()
    expect(page).to_have_url(re.compile(r"\?note=saved"))
    expect(page.locator("#referrals")).to_contain_text("mobile team")
    assert [r.partner_type for r in referrals_of(sid)] == ["mobile_team"]
    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(re.compile(r"/login"))

    sign_in(page, live_server, supervisor.username)
    expect(page).to_have_url(f"{live_server}/wallboard")
    critical = page.locator("#critical tbody")
    expect(critical).to_contain_text(sid[-6:], timeout=LIVE_S * 1000)
    expect(critical).to_contain_text("mobile team")
    expect(page.locator("#by-urgency tbody tr.late")).to_have_count(1)
    expect(page.locator("#live-status")).to_contain_text("live")
    screenshot(page, "wallboard")
    page.locator("#critical a", has_text=sid[-6:]).click()
    expect(page.locator("#read-only")).to_be_visible()
    expect(page.locator("#contact")).to_have_count(0)
    page.close()


def test_the_call_screen_is_usable_from_the_keyboard_alone(live_server, browser):
    counselor = make_user("counselor")
    page = browser.new_page()
    sign_in(page, live_server, counselor.username)
    page.get_by_label("Presence").focus()
    page.keyboard.press("ArrowDown")  # available is the first choice after the current one
    page.get_by_label("Presence").select_option("available")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # "Set presence"
    sid = queued_call(urgency="high")
    expect(page.locator(f'#queue tr[data-call-sid="{sid}"]')).to_be_visible(timeout=LIVE_S * 1000)
    page.locator("#take-next").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{live_server}/console/calls/{sid}")
    page.locator("#f-notes").focus()
    page.keyboard.type("Caller calmer now.")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Save contact and referrals":
            break
    else:
        raise AssertionError("the save button cannot be reached with Tab")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"\?note=saved"))
    page.close()


def test_a_trainee_takes_a_scripted_call_and_reads_the_debrief(live_server, browser, screenshot):
    trainee = make_user("counselor")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    sign_in(page, live_server, trainee.username)
    page.goto(f"{live_server}/training")
    screenshot(page, "training")
    page.get_by_role("button", name=re.compile("Start: Someone is being attacked")).click()
    expect(page).to_have_url(f"{live_server}/console")
    take = page.locator("#training").get_by_role("button", name="Take")
    expect(take).to_be_visible(timeout=LIVE_S * 1000)
    expect(page.locator("#queue tbody")).to_contain_text("No calls waiting.")
    take.click()
    expect(page.locator(".training-banner")).to_be_visible()
    page.locator("#f-category").select_option("domestic_violence")
    page.locator("#f-region").select_option("dushanbe")
    page.locator('#any-type input[value="police"]').check()
    page.locator('#any-type input[value="mobile_team"]').check()
    page.get_by_role("button", name="Save contact and referrals").click()
    expect(page.locator("#debrief")).to_contain_text("Experienced counselor")
    expect(page.locator("#debrief tr.match")).to_have_count(3)
    screenshot(page, "training-debrief")
    page.close()


def test_the_interface_switches_to_tajik_for_this_user(live_server, browser, screenshot):
    counselor = make_user("counselor")
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    sign_in(page, live_server, counselor.username)
    page.get_by_label("Language").select_option("tg")
    with page.expect_navigation():
        page.get_by_role("button", name="Change").click()
    # The page the form redirects to can be drawn before the request's transaction commits (FastAPI ends a yield
    # dependency after the response; see the closing note of session 3), so the account's language is read afresh.
    page.reload()
    expect(page.locator("html")).to_have_attribute("lang", "tg")
    expect(page.get_by_role("button", name="Занги навбатиро гиред")).to_be_visible()
    queued_call(urgency="high", language="ru")
    expect(page.locator("#queue tbody")).to_contain_text("баланд", timeout=LIVE_S * 1000)
    expect(page.locator("#live-status")).to_contain_text("зинда")
    screenshot(page, "console-tajik")
    page.close()
