"""The built-in rules, in the order they run (context rules run after the others)."""

from __future__ import annotations

from .ads_label import AdsLabel
from .base import Rule
from .caption_photo_credit import CaptionPhotoCredit
from .caption_repeated import CaptionRepeated
from .comments_reply_form import CommentsReplyForm
from .context_outside_body import ContextOutsideBody
from .context_repeated_line import ContextRepeatedLine
from .forum_post_meta import ForumPostMeta
from .legal_affiliate_disclosure import LegalAffiliateDisclosure
from .legal_copyright import LegalCopyright
from .legal_notice import LegalNotice
from .legal_publisher_tail import LegalPublisherTail
from .media_clip_title import MediaClipTitle
from .media_image_placeholder import MediaImagePlaceholder
from .media_player_ui import MediaPlayerUi
from .meta_byline import MetaByline
from .meta_headline import MetaHeadline
from .navigation_breadcrumb import NavigationBreadcrumb
from .navigation_section_label import NavigationSectionLabel
from .navigation_skip_link import NavigationSkipLink
from .navigation_table_of_contents import NavigationTableOfContents
from .navigation_tag_list import NavigationTagList
from .promo_account_prompt import PromoAccountPrompt
from .promo_call_to_action import PromoCallToAction
from .promo_inbox_pitch import PromoInboxPitch
from .promo_newsletter_prompt import PromoNewsletterPrompt
from .related_links_label import RelatedLinksLabel
from .shop_ui_label import ShopUiLabel
from .site_feedback_prompt import SiteFeedbackPrompt
from .site_powered_by import SitePoweredBy
from .social_share_prompt import SocialSharePrompt

BUILTIN_RULES: tuple[type[Rule], ...] = (
    NavigationSkipLink,
    NavigationBreadcrumb,
    NavigationSectionLabel,
    NavigationTableOfContents,
    NavigationTagList,
    MediaPlayerUi,
    MediaImagePlaceholder,
    MediaClipTitle,
    CaptionRepeated,
    CaptionPhotoCredit,
    LegalCopyright,
    LegalNotice,
    LegalAffiliateDisclosure,
    AdsLabel,
    SocialSharePrompt,
    PromoNewsletterPrompt,
    PromoAccountPrompt,
    PromoCallToAction,
    PromoInboxPitch,
    RelatedLinksLabel,
    ShopUiLabel,
    MetaByline,
    CommentsReplyForm,
    ForumPostMeta,
    SitePoweredBy,
    SiteFeedbackPrompt,
    LegalPublisherTail,
    MetaHeadline,
    ContextOutsideBody,
    ContextRepeatedLine,
)

__all__ = ["BUILTIN_RULES"]
